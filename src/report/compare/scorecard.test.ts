import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRunDir, type BuildRunDirOptions } from '../../../test/support/scoring/buildRunDir.ts';
import { findChromium } from '../browser/findChromium.ts';
import { inspectHtml } from '../browser/inspectHtml.ts';
import { renderPdf } from '../browser/renderPdf.ts';
import { compareRuns } from './compareRuns.ts';

const chromium = await findChromium();
const artifacts = fileURLToPath(new URL('../../../reports/test-artifacts/', import.meta.url));
const dirs: string[] = [];
const resilient: BuildRunDirOptions['respond'] = ({ inFault, index }) => ({ ok: true, latencyMs: inFault ? 5 + (index % 3) : 20, outcome: inFault ? 'queued' : 'done' });
const naive: BuildRunDirOptions['respond'] = ({ inFault, index }) => (inFault ? { ok: index % 10 === 0, latencyMs: 3, outcome: index % 10 === 0 ? 'done' : 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' });
let args: string[];
let out: string;

beforeAll(async () => {
  const make = async (name: string, respond: BuildRunDirOptions['respond'], shift: number, faultAt: number) => {
    const { runDir } = await buildRunDir({ name, durationMs: 60_000, ratePerSec: 10, faults: [{ id: `${name}-down`, fromMs: faultAt, toMs: faultAt + 15_000 }], respond: (r) => respond({ ...r, index: r.index + shift }) });
    dirs.push(runDir);
    return runDir;
  };
  // Two scenarios, two vendors, two repeats each.
  args = [];
  for (const [scenario, faultAt] of [['o2-crash-at-peak', 20_000], ['o13-night-consignment', 30_000]] as const) {
    for (const shift of [0, 1]) {
      args.push(`arogya=${await make(scenario, resilient, shift, faultAt)}`);
      args.push(`naive=${await make(scenario, naive, shift * 3, faultAt)}`);
    }
  }
  out = await mkdtemp(join(tmpdir(), 'thap-scorecard-'));
  dirs.push(out);
});
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

// Each compare scores its runs again (no report.json in the fixtures): slow on a loaded machine.
describe('vendor scorecard over several scenarios', { timeout: 120_000 }, () => {
  it('compares the vendors per scenario and over all of them, with repeats, the verdicts and the fairness checks', async () => {
    const { scorecard } = await compareRuns({ args, outDir: out, chromium: null });
    expect(scorecard.mismatches).toEqual([]);
    expect(scorecard.scenarios.map((s) => [s.scenario.name, s.clients.map((c) => `${c.label}×${c.runs.length}`)])).toEqual([
      ['o2-crash-at-peak', ['arogya×2', 'naive×2']],
      ['o13-night-consignment', ['arogya×2', 'naive×2']],
    ]);
    for (const scenario of scorecard.scenarios) {
      expect(scenario.verdict).toMatch(/^arogya is ahead: .* beyond the repeat spread$/);
      expect(scenario.noise).toBeNull();
      expect(scenario.curves.map((curve) => curve.label)).toEqual(['arogya', 'naive']);
    }
    const [arogya, naiveVendor] = scorecard.vendors;
    expect(arogya?.verdict).toMatch(/^arogya: mean score [\d.]+ over 2 scenario\(s\), passed every gate on 2 of 2, ranked first on 2; weakest at /);
    expect(naiveVendor?.best).toBe(0);
    expect(scorecard.fairness.every((line) => line.startsWith('checked:'))).toBe(true);
    const html = await readFile(join(out, 'compare.html'), 'utf8');
    expect(html).toContain('Vendor scorecard over 2 scenarios');
    expect(html).toContain('id="chart-q-1"');
    const md = await readFile(join(out, 'compare.md'), 'utf8');
    expect(md).toMatch(/\| score per scenario \| arogya \| naive \|\n\|---\|---:\|---:\|\n\| o2-crash-at-peak \| [\d.]+ ± [\d.]+ \| [\d.]+ ± [\d.]+ \|/);
  });

  it('names the scenarios on which a vendor is unsteady in its verdict, and those where the runs are in doubt', async () => {
    const dirOf = (arg: string | undefined) => arg?.slice(arg.indexOf('=') + 1) ?? '';
    // On O2: flaky's two repeats are a resilient run and a naive one, which sent NIC as many requests: the runs are
    // in doubt, not the client. naive's are its own two.
    const alike = await compareRuns({ args: [`flaky=${dirOf(args[0])}`, `flaky=${dirOf(args[1])}`, `naive=${dirOf(args[1])}`, `naive=${dirOf(args[3])}`], outDir: out, chromium: null });
    const [flaky, steady] = alike.scorecard.vendors;
    expect(flaky?.verdict).toContain('; repeats on o2-crash-at-peak spread beyond ±2 points though it behaved alike in each (repeat them on a quiet machine)');
    expect(flaky?.verdict).not.toContain('unsteady');
    expect(steady?.verdict).not.toContain('unsteady');
    // A naive run whose client tried NIC three times a request while it was down behaved differently: unsteady.
    const { runDir: stormy } = await buildRunDir({ name: 'o2-crash-at-peak', durationMs: 60_000, ratePerSec: 10, faults: [{ id: 'o2-crash-at-peak-down', fromMs: 20_000, toMs: 35_000 }], respond: (r) => ({ ...naive(r), upstreamAttempts: r.inFault ? 3 : 1 }) });
    dirs.push(stormy);
    const differed = await compareRuns({ args: [`flaky=${dirOf(args[0])}`, `flaky=${stormy}`], outDir: out, chromium: null });
    expect(differed.scorecard.vendors[0]?.verdict).toContain('; unsteady on o2-crash-at-peak (its repeats spread beyond ±2 points)');
  });

  it('names a vendor disqualified for made-up NIC ids in its verdict and in both tables', async () => {
    const lies: BuildRunDirOptions['respond'] = ({ inFault, index }) => (inFault ? { ok: true, latencyMs: 3, outcome: 'done', stored: 0, claimedId: `MADE-UP-${index}` } : { ok: true, latencyMs: 20, outcome: 'done' });
    const { runDir } = await buildRunDir({ name: 'o2-crash-at-peak', durationMs: 60_000, ratePerSec: 10, faults: [{ id: 'o2-crash-at-peak-down', fromMs: 20_000, toMs: 35_000 }], respond: lies });
    dirs.push(runDir);
    const liarOut = await mkdtemp(join(tmpdir(), 'thap-scorecard-liar-'));
    dirs.push(liarOut);
    const { scorecard } = await compareRuns({ args: [args[0] as string, `liar=${runDir}`], outDir: liarOut, chromium: null });
    const liar = scorecard.vendors.find((vendor) => vendor.label === 'liar');
    expect(liar?.verdict).toMatch(/^liar: DISQUALIFIED in 1 run\(s\): answered done with NIC ids NIC never issued; mean score 0\.0 over 1 scenario/);
    expect(await readFile(join(liarOut, 'compare.md'), 'utf8')).toContain('| disqualified (made-up NIC ids) | no | **1 of 1** |');
    expect(await readFile(join(liarOut, 'compare.html'), 'utf8')).toContain('<td class="num fail">1 of 1</td>');
  });

  it('refuses runs of one scenario with another seed, even among several scenarios', async () => {
    const { runDir } = await buildRunDir({ name: 'o2-crash-at-peak', seed: 7, durationMs: 60_000, ratePerSec: 10, respond: naive });
    dirs.push(runDir);
    await expect(compareRuns({ args: [...args, `naive=${runDir}`], outDir: out, chromium: null })).rejects.toThrow(/not comparable:\n {2}- seed differs: 42 in .*; 7 in naive/);
  });

  it.skipIf(!chromium)(`draws the overlaid recovery curves in a real browser${chromium ? '' : ' (skipped: no Chromium)'}`, async () => {
    await compareRuns({ args, outDir: out, chromium: null });
    const page = await inspectHtml({ chromium: chromium as string, htmlFile: join(out, 'compare.html') });
    await mkdir(artifacts, { recursive: true });
    await writeFile(join(artifacts, 'scorecard.png'), page.screenshot);
    expect(page.consoleErrors).toEqual([]);
    expect(page.exceptions).toEqual([]);
    expect(page.networkRequests).toEqual([]);
    expect(page.charts).toBe(2);
    expect(page.paintedCanvases).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(!chromium)(`prints the scorecard on pages that carry every verdict and the fairness checks${chromium ? '' : ' (skipped: no Chromium)'}`, async () => {
    const { scorecard } = await compareRuns({ args, outDir: out, chromium: null });
    await mkdir(artifacts, { recursive: true });
    const pdfFile = join(artifacts, 'scorecard.pdf');
    const printed = await renderPdf({ chromium: chromium as string, htmlFile: join(out, 'compare.html'), pdfFile });
    expect((await readFile(pdfFile)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(printed.pages).toBeGreaterThan(0);
    const onPaper = printed.printedText.replace(/\s+/g, ' ');
    for (const verdict of [...scorecard.vendors.map((vendor) => vendor.verdict), ...scorecard.scenarios.map((scenario) => scenario.verdict)]) expect(onPaper).toContain(verdict.replace(/\s+/g, ' '));
    for (const line of scorecard.fairness) expect(onPaper).toContain(line);
  });
});
