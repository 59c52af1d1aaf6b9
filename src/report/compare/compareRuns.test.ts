import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRunDir, type BuildRunDirOptions } from '../../../test/support/scoring/buildRunDir.ts';
import { findChromium } from '../browser/findChromium.ts';
import { compareRuns } from './compareRuns.ts';
import type { Comparison } from './buildComparison.ts';

const chromium = await findChromium();
const dirs: string[] = [];
const base = { durationMs: 60_000, ratePerSec: 10, faults: [{ id: 'f1', fromMs: 20_000, toMs: 40_000 }] };
const resilient: BuildRunDirOptions['respond'] = ({ inFault, index }) => ({ ok: true, latencyMs: inFault ? 5 + (index % 3) : 20, outcome: inFault ? 'queued' : 'done' });
const naive: BuildRunDirOptions['respond'] = ({ inFault, index }) => (inFault ? { ok: index % 10 === 0, latencyMs: 3, outcome: index % 10 === 0 ? 'done' : 'failed', stored: index % 20 === 0 ? 0 : 1 } : { ok: true, latencyMs: 20, outcome: 'done' });

let a1: string, a2: string, b1: string, b2: string, otherSeed: string, killed: string, out: string;
beforeAll(async () => {
  const make = async (options: Partial<BuildRunDirOptions> & Pick<BuildRunDirOptions, 'respond'>) => {
    const { runDir } = await buildRunDir({ ...base, ...options });
    dirs.push(runDir);
    return runDir;
  };
  a1 = await make({ respond: resilient, client: ['node', 'examples/resilient/server.ts'] });
  a2 = await make({ respond: (r) => resilient({ ...r, index: r.index + 1 }), client: ['node', 'examples/resilient/server.ts'] });
  b1 = await make({ respond: naive });
  b2 = await make({ respond: (r) => naive({ ...r, index: r.index + 3 }) });
  otherSeed = await make({ respond: naive, seed: 7 });
  killed = await make({ respond: resilient, runJson: { harness: { failures: [{ process: 'mocks', at: 1_700_000_030_000, kind: 'exited', detail: 'signal SIGKILL' }] } } });
  out = await mkdtemp(join(tmpdir(), 'thap-compare-'));
  dirs.push(out);
});
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('compareRuns', () => {
  it('groups repeats by label and gives each dimension a mean and spread', async () => {
    const { scorecard, files, notes } = await compareRuns({ args: [a1, a2, `<naive>=${b1}`, `<naive>=${b2}`], outDir: out, chromium: null });
    const comparison = scorecard.scenarios[0] as Comparison;
    expect(scorecard.scenarios).toHaveLength(1);
    // No PDF wanted (--no-pdf): nothing is said about Chromium.
    expect(notes).toEqual([]);
    expect(scorecard.mismatches).toEqual([]);
    expect(comparison.clients.map((c) => [c.label, c.runs.length])).toEqual([
      // A short column head: the client's name, not its command line.
      ['resilient', 2],
      ['<naive>', 2],
    ]);
    const [resilientClient, naiveClient] = comparison.clients;
    expect(resilientClient?.dimensions.absorb?.mean).toBe(1);
    // 10% kept in the fault, but half of those writes never reached NIC: absorb pays for delivered work only (score v3).
    expect(naiveClient?.dimensions.absorb?.mean).toBeCloseTo(0.05, 2);
    expect(naiveClient?.lost.mean).toBeGreaterThan(0);
    expect(resilientClient?.score.mean ?? 0).toBeGreaterThan((naiveClient?.score.mean ?? 0) + 20);
    expect(naiveClient?.score.n).toBe(2);
    expect(files.map((f) => f.slice(out.length + 1))).toEqual(['compare.json', 'compare.html', 'compare.md']);
    const html = await readFile(join(out, 'compare.html'), 'utf8');
    expect(html).toContain('&lt;naive&gt;');
    expect(html).not.toContain('<naive>');
    expect(html).not.toContain('NOT A FAIR COMPARISON');
    for (const dimension of ['detect', 'absorb', 'recover', 'integrity', 'amplification']) expect(html).toContain(`<th>${dimension}<br>`);
  });

  it('warns, in every format, of a client whose repeats spread beyond what the measurement keeps to, and of no steady one', async () => {
    const { scorecard } = await compareRuns({ args: [a1, a2, `flaky=${a1}`, `flaky=${b1}`], outDir: out, chromium: null });
    const [steady, flaky] = (scorecard.scenarios[0] as Comparison).clients;
    expect(steady?.unsteady).toBeUndefined();
    expect(flaky?.unsteadyWhose).toBe('runs');
    expect(flaky?.unsteady).toMatch(/^flaky's 2 repeats spread ±\d+\.\d points, beyond the ±2 thap's own measurement keeps to, though it behaved alike in each \(NIC received [\d,]+ to [\d,]+ of its requests\): nothing the client did explains the spread, so repeat the runs on a quiet machine before weighing them$/);
    expect(await readFile(join(out, 'compare.md'), 'utf8')).toContain(`> ⚠️ Unsteady: flaky's 2 repeats spread`);
    expect(await readFile(join(out, 'compare.html'), 'utf8')).toContain(`<p class="warning unsteady">Unsteady: flaky&#39;s 2 repeats spread`);
  });

  it('refuses runs of another seed, naming the difference and the fix', async () => {
    await expect(compareRuns({ args: [a1, otherSeed], outDir: out, chromium: null })).rejects.toThrow(/not comparable:\n {2}- seed differs: 42 in .*; 7 in .*\n.*--allow-mismatch/);
  });

  it('with --allow-mismatch marks the mismatch in every format', async () => {
    const { scorecard } = await compareRuns({ args: [a1, otherSeed], outDir: out, allowMismatch: true, chromium: null });
    expect(scorecard.mismatches).toHaveLength(1);
    const html = await readFile(join(out, 'compare.html'), 'utf8');
    expect(html).toContain('NOT A FAIR COMPARISON');
    expect(html).toContain('class="mismatch print-every-page"');
    expect(await readFile(join(out, 'compare.md'), 'utf8')).toMatch(/NOT A FAIR COMPARISON[\s\S]*seed differs[\s\S]*Mismatched runs/);
  });

  it('refuses to rank an invalid run, naming it and why, even with --allow-mismatch', async () => {
    await expect(compareRuns({ args: [a1, `vendor-x=${killed}`], outDir: out, allowMismatch: true, chromium: null })).rejects.toThrow(/cannot be ranked.*\n {2}- vendor-x \(.*\): invalid: invalid run: harness\.alive: the mocks process exited/);
  });

  it('needs at least two runs', async () => {
    await expect(compareRuns({ args: [a1], outDir: out, chromium: null })).rejects.toThrow(/at least two run directories/);
  });

  it.skipIf(!chromium)(`prints the comparison to PDF${chromium ? '' : ' (skipped: no Chromium)'}`, async () => {
    const { files } = await compareRuns({ args: [a1, b1], outDir: out });
    const pdf = await readFile(files.find((f) => f.endsWith('.pdf')) ?? '');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
