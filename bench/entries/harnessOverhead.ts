import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools } from '../../src/stack/tools/index.ts';
import { k6AchievedRate, type AchievedRate } from '../harness/k6AchievedRate.ts';
import { median } from '../lib/median.ts';
import { runK6Direct } from '../harness/runK6Direct.ts';
import { runThap, type ThapRun } from '../harness/runThap.ts';
import { startChild, type ChildServer } from '../harness/startChild.ts';
import type { EnsuredTools } from '../../src/stack/tools/index.ts';
import type { BenchEntry, BenchRow } from '../types.ts';

const here = (file: string) => fileURLToPath(new URL(`../harness/${file}`, import.meta.url));
const name = 'harness-overhead';
const rounds = 2;
/** Offered rates (bench/harness/*.yaml): one far above what a 2-core machine reaches, one it sustains. */
const levels = [
  { label: '2000/s', scenarioFile: here('overhead.yaml') },
  { label: '200/s', scenarioFile: here('overhead-moderate.yaml') },
];

type Variant = 'thap' | 'k6' | 'k6+slips';
const subjects: Record<Variant, string> = { thap: 'thap run --target', k6: 'k6 alone (no slip store)', 'k6+slips': 'k6 + slip store process' };

/**
 * Issue 7, "Harness overhead": the k6 script `thap run` generates, run (a) by `thap run --target` and (b) by
 * the same k6 binary directly on a copy of the script and its data files, against the same bare target
 * (bench/harness/doneServer.ts), at two offered rates. A third variant, (c) k6 directly with thap's slip
 * store (src/load/startHarnessEndpoint.ts) in a process of its own, splits the gap into "the slip protocol"
 * and "thap's process". A warm-up thap run, then paired rounds in alternating order; thap's own CPU from
 * /proc while k6 runs.
 */
const entry: BenchEntry = {
  name,
  description: `thap run vs k6 alone on the same generated script, ${rounds} paired rounds at 2,000/s and at 200/s offered`,
  async run(): Promise<BenchRow[]> {
    const tools = await ensureTools();
    const base = mkdtempSync(path.join(os.tmpdir(), 'thap-bench-overhead-'));
    const target = await startChild({ file: here('doneServer.ts') });
    const slipStore = await startChild({ file: here('slipStoreServer.ts') });
    const rows: BenchRow[] = [];
    try {
      for (const level of levels) rows.push(...(await measureLevel({ ...level, tools, base, target, slipStore })));
    } finally {
      await Promise.all([target.stop(), slipStore.stop()]);
      rmSync(base, { recursive: true, force: true });
    }
    return rows;
  },
};

async function measureLevel({ label, scenarioFile, tools, base, target, slipStore }: { label: string; scenarioFile: string; tools: EnsuredTools; base: string; target: ChildServer; slipStore: ChildServer }): Promise<BenchRow[]> {
  const results: Record<Variant, AchievedRate[]> = { thap: [], k6: [], 'k6+slips': [] };
  const thapRuns: ThapRun[] = [];
  // A warm-up thap run, not counted, writes the script every variant runs: in earlier runs of this bench
  // whichever variant came first was the slowest (thap/k6 0.46-0.53 in round 1, 0.70-0.97 in round 2).
  process.stderr.write(`bench: ${name}: ${label}, warm-up thap run (not counted)\n`);
  const warmUpDir = path.join(base, `${label.replace('/', '-per-')}-warm-up`);
  mkdirSync(warmUpDir);
  const warmUp = await runThap({ scenarioFile, target: target.url, outDir: warmUpDir, k6Path: tools.k6.path, toxiproxyPath: tools.toxiproxy.path });
  const scriptDir = warmUp.runDir;
  const resolved = JSON.parse(readFileSync(path.join(scriptDir, 'scenario.resolved.json'), 'utf8')) as { client: { requestTimeout: number } };
  const requestTimeout = `${resolved.client.requestTimeout}ms`;
  for (let round = 0; round < rounds; round++) {
    const order: Variant[] = round % 2 === 0 ? ['thap', 'k6', 'k6+slips'] : ['k6+slips', 'k6', 'thap'];
    for (const variant of order) {
      const workDir = path.join(base, `${label.replace('/', '-per-')}-round${round}-${variant.replace('+', '-')}`);
      mkdirSync(workDir);
      await pause(2_000);
      process.stderr.write(`bench: ${name}: ${label}, round ${round + 1}, ${variant}\n`);
      if (variant === 'thap') {
        const run = await runThap({ scenarioFile, target: target.url, outDir: workDir, k6Path: tools.k6.path, toxiproxyPath: tools.toxiproxy.path });
        thapRuns.push(run);
        results.thap.push(await k6AchievedRate(path.join(run.runDir, 'k6.csv')));
      } else {
        const run = await runK6Direct({ k6Path: tools.k6.path, fromRunDir: scriptDir, workDir, target: target.url, harnessUrl: variant === 'k6+slips' ? slipStore.url : undefined, requestTimeout });
        results[variant].push(await k6AchievedRate(run.csvFile));
      }
    }
  }
  const ratios = results.thap.map((result, round) => result.perSec / results.k6[round]!.perSec);
  const slipRatios = results['k6+slips'].map((result, round) => result.perSec / results.k6[round]!.perSec);
  const rows: BenchRow[] = (['k6', 'k6+slips', 'thap'] as Variant[]).map((variant) => ({
    entry: name,
    subject: `${label} offered: ${subjects[variant]}`,
    metrics: {
      req_per_s: round1(median(results[variant].map((result) => result.perSec))),
      requests: median(results[variant].map((result) => result.requests)),
      slip_calls: median(results[variant].map((result) => result.harnessRequests)),
      dropped: median(results[variant].map((result) => result.dropped)),
    },
    note: `per round req/s: ${results[variant].map((result) => result.perSec.toFixed(0)).join(', ')}`,
  }));
  rows.push({
    entry: name,
    subject: `${label} offered: thap / k6 achieved rate (goal >= 0.95)`,
    metrics: { ratio: round3(median(ratios)), slips_only_ratio: round3(median(slipRatios)) },
    note: `per round thap/k6: ${ratios.map((ratio) => ratio.toFixed(3)).join(', ')}; (k6+slips)/k6: ${slipRatios.map((ratio) => ratio.toFixed(3)).join(', ')}`,
  });
  rows.push({
    entry: name,
    subject: `${label} offered: thap's own process while k6 runs (goal <= 10% of a core)`,
    metrics: {
      core_pct: round1(100 * median(thapRuns.map((run) => run.drive.coreShare))),
      cpu_ms_per_1k_req: round1(median(thapRuns.map((run, round) => (run.drive.cpuMs * 1_000) / Math.max(1, results.thap[round]!.requests)))),
      whole_run_cpu_s: round1(median(thapRuns.map((run) => run.total.cpuMs / 1_000))),
      whole_run_wall_s: round1(median(thapRuns.map((run) => run.total.wallMs / 1_000))),
    },
    note: `per round core %: ${thapRuns.map((run) => (100 * run.drive.coreShare).toFixed(1)).join(', ')}; /proc utime+stime of the thap node process from t0 to k6's exit${thapRuns.flatMap((run) => (run.afterLoadFailure ? [`; ${run.afterLoadFailure}`] : [])).join('')}`,
  });
  return rows;
}

function round1(value: number): number {
  return Number(value.toFixed(1));
}

function round3(value: number): number {
  return Number(value.toFixed(3));
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export default entry;
