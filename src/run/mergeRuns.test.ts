import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../core/index.ts';
import { loadScenario } from '../scenario/loadScenario.ts';
import { scoreRun } from '../scoring/scoreRun.ts';
import { buildRunDir } from '../../test/support/scoring/buildRunDir.ts';
import { mergeRuns } from './mergeRuns.ts';

const startedAt = 1_700_000_000_000;
const fault = { id: 'down', fromMs: 20_000, toMs: 40_000 };
const respond = ({ inFault }: { inFault: boolean }) => (inFault ? { ok: false, latencyMs: 5, outcome: 'failed' as const } : { ok: true, latencyMs: 40, outcome: 'done' as const });
const tmp = (prefix: string) => mkdtemp(join(tmpdir(), `thap-merge-${prefix}-`));

describe('mergeRuns', () => {
  it('scores two runners merged as the sum of each scored alone: requests, outcomes and every phase', async () => {
    const a = await buildRunDir({ dir: await tmp('a'), durationMs: 60_000, ratePerSec: 10, faults: [fault], respond });
    const b = await buildRunDir({ dir: await tmp('b'), durationMs: 60_000, ratePerSec: 4, faults: [fault], respond });
    const out = join(await tmp('out'), 'merged');
    const merged = await mergeRuns({ runDirs: [a.runDir, b.runDir], outDir: out });

    expect(merged.files.map((file) => file.to)).toEqual([join(out, 'k6-0.csv'), join(out, 'k6-1.csv')]);
    expect(await readFile(join(out, 'k6-1.csv'), 'utf8')).toBe(await readFile(join(b.runDir, 'k6.csv'), 'utf8'));
    const [alone, other, both] = await Promise.all([scoreRun({ runDir: a.runDir }), scoreRun({ runDir: b.runDir }), scoreRun({ runDir: out })]);
    expect(alone.samples.httpRequests).toBe(600);
    expect(other.samples.httpRequests).toBe(240);
    expect(both.samples).toEqual({
      rows: alone.samples.rows + other.samples.rows,
      httpRequests: alone.samples.httpRequests + other.samples.httpRequests,
      outcomes: alone.samples.outcomes + other.samples.outcomes,
      invalidAnswers: (alone.samples.invalidAnswers ?? 0) + (other.samples.invalidAnswers ?? 0),
    });
    expect(both.phases.map((phase) => [phase.name, phase.requests])).toEqual(alone.phases.map((phase, index) => [phase.name, phase.requests + (other.phases[index]?.requests ?? 0)]));
    // The same fault timeline, taken from the first runner's directory.
    expect(both.faults).toEqual(alone.faults);
  });

  it('dates a bare runner (only its k6 CSV, as k6-operator leaves it) by its samples, and spans every source', async () => {
    const a = await buildRunDir({ dir: await tmp('a'), durationMs: 30_000, ratePerSec: 5, respond });
    const bare = await tmp('bare');
    // A runner that started 2 s earlier and has no run.json or plan.
    const b = await buildRunDir({ dir: await tmp('b'), startedAt: startedAt - 2_000, durationMs: 40_000, ratePerSec: 5, respond });
    await writeFile(join(bare, 'k6-thap-demo-2-x7k2p.csv'), await readFile(join(b.runDir, 'k6.csv')));
    const out = join(await tmp('out'), 'merged');
    await mergeRuns({ runDirs: [a.runDir, bare], outDir: out, now: () => startedAt + 99_000 });
    const run = JSON.parse(await readFile(join(out, 'run.json'), 'utf8')) as { startedAt: number; endedAt: number; t0: number; status: string; merged: { from: string[] } };
    expect(run.status).toBe('completed');
    expect(run.t0).toBe(startedAt);
    expect(run.startedAt).toBeLessThan(startedAt);
    expect(run.startedAt).toBeGreaterThanOrEqual(startedAt - 2_000);
    expect(run.endedAt).toBeGreaterThanOrEqual(startedAt + 37_000);
    expect(run.merged.from).toEqual([a.runDir, bare]);
    expect((await readdir(out)).sort()).toEqual(['faults.ndjson', 'k6-0.csv', 'k6-1.csv', 'ledger.ndjson', 'plan.json', 'run.json', 'upstream.ndjson']);
  });

  it('takes the stack files from --stack-dir and the worst status of the runners', async () => {
    const a = await buildRunDir({ dir: await tmp('a'), durationMs: 10_000, ratePerSec: 5, respond });
    const b = await buildRunDir({ dir: await tmp('b'), durationMs: 10_000, ratePerSec: 5, status: 'interrupted', respond });
    const stack = await buildRunDir({ dir: await tmp('stack'), name: 'the-stack', durationMs: 10_000, ratePerSec: 1, respond });
    await rm(join(a.runDir, 'plan.json'));
    const out = join(await tmp('out'), 'merged');
    await mergeRuns({ runDirs: [a.runDir, b.runDir], outDir: out, stackDir: stack.runDir });
    const report = await scoreRun({ runDir: out });
    expect(report.scenario.name).toBe('the-stack');
    expect(report.run.status).toBe('interrupted');
    expect(report.samples.httpRequests).toBe(100);
  });

  it('merges k6-operator results (one k6-<pod>.csv per runner, the ledger under mocks/, no plan) with the scenario given', async () => {
    const a = await buildRunDir({ dir: await tmp('a'), durationMs: 10_000, ratePerSec: 6, respond });
    const b = await buildRunDir({ dir: await tmp('b'), durationMs: 10_000, ratePerSec: 4, respond });
    const results = await tmp('results');
    await mkdir(join(results, 'mocks'));
    await copyFile(join(a.runDir, 'k6.csv'), join(results, 'k6-thap-split-outage-1-q8x2v.csv'));
    await copyFile(join(b.runDir, 'k6.csv'), join(results, 'k6-thap-split-outage-2-m4k7c.csv'));
    await copyFile(join(a.runDir, 'ledger.ndjson'), join(results, 'mocks', 'ledger.ndjson'));
    await copyFile(join(a.runDir, 'upstream.ndjson'), join(results, 'mocks', 'upstream.ndjson'));
    await expect(mergeRuns({ runDirs: [results], outDir: join(results, 'no') })).rejects.toThrow(/has no plan.json.*fix: pass --scenario/);
    const { scenario } = await loadScenario('test/scenarios/split-outage.yaml');
    const out = join(await tmp('out'), 'merged');
    await mergeRuns({ runDirs: [results], outDir: out, scenario });
    const plan = JSON.parse(await readFile(join(out, 'plan.json'), 'utf8')) as { runId: string; faults: Array<{ id: string }> };
    expect(plan.runId).toBe('merged');
    expect(plan.faults.map((fault) => fault.id)).toEqual(['down']);
    expect(await readFile(join(out, 'ledger.ndjson'), 'utf8')).toBe(await readFile(join(a.runDir, 'ledger.ndjson'), 'utf8'));
    const report = await scoreRun({ runDir: out });
    expect(report.scenario.name).toBe('split-outage');
    expect(report.samples.httpRequests).toBe(100);
    expect(report.run.startedAt).toBeGreaterThanOrEqual(startedAt);
    expect(report.run.endedAt).toBeLessThanOrEqual(startedAt + 10_100);
  });

  it('refuses a runner without k6 CSVs, a stack without plan.json and a non-empty --out, naming each', async () => {
    const a = await buildRunDir({ dir: await tmp('a'), durationMs: 5_000, ratePerSec: 2, respond });
    const empty = await tmp('empty');
    await expect(mergeRuns({ runDirs: [a.runDir, empty], outDir: join(empty, 'x') })).rejects.toThrow(new RegExp(`--merge ${empty}: no k6.csv`));
    await expect(mergeRuns({ runDirs: [a.runDir], outDir: join(empty, 'y'), stackDir: empty })).rejects.toThrow(/has no plan.json/);
    await expect(mergeRuns({ runDirs: [a.runDir], outDir: a.runDir })).rejects.toBeInstanceOf(UserError);
    const used = await tmp('used');
    await writeFile(join(used, 'k6-0.csv'), 'old');
    await expect(mergeRuns({ runDirs: [a.runDir], outDir: used })).rejects.toThrow(/directory is not empty \(k6-0.csv\)/);
  });
});
