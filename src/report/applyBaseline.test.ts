import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../scoring/reportSchema.ts';
import { scoreRun } from '../scoring/scoreRun.ts';
import { buildRunDir } from '../../test/support/scoring/buildRunDir.ts';
import { scoredTotal } from '../../test/support/scoring/scoredTotal.ts';
import { applyBaseline } from './applyBaseline.ts';
import { writeReport } from './writeReport.ts';

const dirs: string[] = [];
let good: { report: Report; file: string };
let worse: Report;
beforeAll(async () => {
  const base = { durationMs: 60_000, ratePerSec: 10, faults: [{ id: 'f1', fromMs: 20_000, toMs: 40_000 }] };
  const a = await buildRunDir({ ...base, respond: ({ inFault }) => ({ ok: true, latencyMs: inFault ? 5 : 20, outcome: inFault ? 'queued' : 'done' }) });
  const b = await buildRunDir({ ...base, respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 3, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }) });
  dirs.push(a.runDir, b.runDir);
  const report = await scoreRun({ runDir: a.runDir });
  good = { report, file: await writeReport({ runDir: a.runDir, report }) };
  worse = await scoreRun({ runDir: b.runDir });
});
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('applyBaseline', () => {
  it('fails a run whose score fell by more than N points', async () => {
    const drop = scoredTotal(good.report) - scoredTotal(worse);
    expect(drop).toBeGreaterThan(10);
    const failed = await applyBaseline({ report: worse, baselineFile: good.file, maxRegression: 5 });
    expect(failed.status).toBe('failed');
    expect(failed.gates.at(-1)).toMatchObject({ passed: false, actual: expect.closeTo(drop, 1) });
    const passed = await applyBaseline({ report: worse, baselineFile: good.file, maxRegression: Math.ceil(drop) });
    expect(passed.status).toBe('passed');
  });
  it('refuses a negative allowance and a baseline that is not a report', async () => {
    await expect(applyBaseline({ report: worse, baselineFile: good.file, maxRegression: -1 })).rejects.toThrow(/--max-regression must be/);
    await expect(applyBaseline({ report: worse, baselineFile: join(dirs[0] ?? '', 'plan.json'), maxRegression: 5 })).rejects.toThrow(/not a report\.json of schema version 1/);
  });
});
