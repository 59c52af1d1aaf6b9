import { readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreRun } from '../scoring/scoreRun.ts';
import type { Report } from '../scoring/reportSchema.ts';
import { buildRunDir } from '../../test/support/scoring/buildRunDir.ts';
import { formatSummary } from './formatSummary.ts';
import { readReport } from './readReport.ts';
import { writeReport } from './writeReport.ts';

let runDir: string;
let report: Report;
beforeAll(async () => {
  ({ runDir } = await buildRunDir({
    durationMs: 60_000,
    ratePerSec: 10,
    gates: ['phase.fault.availability > 0.5', 'integrity.lost == 0'],
    faults: [{ id: 'f1', fromMs: 20_000, toMs: 40_000 }],
    respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 3, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }),
  }));
  report = await scoreRun({ runDir });
});
afterAll(async () => rm(runDir, { recursive: true, force: true }));

describe('formatSummary', () => {
  it('prints phases with availability and p95, integrity, score, gates and the report path', () => {
    const text = formatSummary(report, { reportPath: `${runDir}/report.json` });
    expect(text).toMatch(/^fixture — FAILED — score \d+\.\d\/100 \(scoring [\d.]+\)\nvalid: \d checks passed \(faults\.onTime\); not measured: harness\.alive/);
    expect(text).toMatch(/baseline +09:00-09:20 +20 min +requests +200 +availability +100\.0% +p95 +(19|20)\.\d ms/);
    expect(text).toMatch(/fault +09:20-09:40 +20 min +requests +200 +availability +0\.0%/);
    expect(text).toMatch(/integrity: accepted 400, stored 400, lost 0, undelivered 0, false claims 0, duplicated 0, pending 0/);
    expect(text).toContain('FAIL  phase.fault.availability > 0.5  (actual 0)');
    expect(text).toContain('PASS  integrity.lost == 0');
    expect(text).toContain(`report: ${runDir}/report.json`);
  });
});

describe('writeReport', () => {
  it('writes report.json that reads back valid, leaving no temporary file', async () => {
    const file = await writeReport({ runDir, report });
    expect(await readReport({ file })).toEqual(report);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(runDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(await readFile(file, 'utf8')).schemaVersion).toBe(1);
  });
});
