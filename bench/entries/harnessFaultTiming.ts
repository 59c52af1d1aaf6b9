import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createToxiproxyControl } from '../../src/faults/network/toxiproxyControl.ts';
import { ensureTools, type EnsuredTools } from '../../src/stack/tools/index.ts';
import { faultDrift, type DriftSummary } from '../harness/faultDrift.ts';
import { k6AchievedRate } from '../harness/k6AchievedRate.ts';
import { startLagProbe, type LagSummary } from '../harness/probeLag.ts';
import { runThap } from '../harness/runThap.ts';
import { startChild } from '../harness/startChild.ts';
import type { BenchEntry, BenchRow } from '../types.ts';

const here = (file: string) => fileURLToPath(new URL(`../harness/${file}`, import.meta.url));
const name = 'harness-fault-timing';
/** What bench/harness/fault-timing.yaml offers (issue 7: at least 2,000 requests/s). */
const offeredPerSec = 2_500;
/** Rounds of the same run: one run's 52 starts make its p99 its worst start, so one figure is one stall. */
const rounds = 2;

/**
 * Issue 7, "Fault timing under load": `thap run --target` offering 2,500 registrations/s to a bare target
 * while 52 faults (latency and down, on four services' Toxiproxy proxies) start and end every second or two
 * (bench/harness/fault-timing.yaml). Drift is what the fault driver logs in faults.ndjson: actual minus
 * planned wall time, where actual is after Toxiproxy confirmed the change.
 *
 * Where drift comes from: two probes run in this (otherwise idle) bench process during the load, each
 * measured like a drift (finish minus planned start): a Toxiproxy control call (GET /proxies on thap's
 * Toxiproxy, every 100 ms) and an empty timer (every 50 ms). thap starts k6 at nice 10 itself
 * (src/load/startK6.ts); the run is repeated (`rounds`) because one stall decides a run's p99.
 */
const entry: BenchEntry = {
  name,
  description: `fault start drift with ${offeredPerSec}/s offered through thap run (52 faults over 20 s), ${rounds} rounds`,
  async run(): Promise<BenchRow[]> {
    const tools = await ensureTools();
    const base = mkdtempSync(path.join(os.tmpdir(), 'thap-bench-fault-timing-'));
    const target = await startChild({ file: here('doneServer.ts') });
    try {
      const rows: BenchRow[] = [];
      for (let round = 1; round <= rounds; round++) {
        const outDir = path.join(base, `round${round}`);
        mkdirSync(outDir);
        process.stderr.write(`bench: ${name}: round ${round}\n`);
        rows.push(...(await measure({ tools, outDir, targetUrl: target.url, roundNo: round })));
      }
      return rows;
    } finally {
      await target.stop();
      rmSync(base, { recursive: true, force: true });
    }
  },
};

async function measure({ tools, outDir, targetUrl, roundNo }: { tools: EnsuredTools; outDir: string; targetUrl: string; roundNo: number }): Promise<BenchRow[]> {
  let probes: { toxiproxy?: LagSummary; timer?: LagSummary } = {};
  const run = await runThap({
    scenarioFile: here('fault-timing.yaml'),
    target: targetUrl,
    outDir,
    k6Path: tools.k6.path,
    toxiproxyPath: tools.toxiproxy.path,
    whileDriving: (info) => {
      // The first port thap records is its Toxiproxy API's (src/run/runScenario.ts starts it first).
      const control = createToxiproxyControl({ apiUrl: `http://127.0.0.1:${info.ports[0]}`, timeoutMs: 10_000 });
      const toxiproxy = startLagProbe({ everyMs: 100, probe: () => control.listProxies() });
      const timer = startLagProbe({ everyMs: 50, probe: async () => undefined });
      return () => (probes = { toxiproxy: toxiproxy.stop(), timer: timer.stop() });
    },
  });
  const rate = await k6AchievedRate(path.join(run.runDir, 'k6.csv'));
  const events = path.join(run.runDir, 'faults.ndjson');
  const apply = await faultDrift({ file: events, action: 'apply' });
  const remove = await faultDrift({ file: events, action: 'remove' });
  const t0 = (JSON.parse(readFileSync(path.join(run.runDir, 'run.json'), 'utf8')) as { t0: number }).t0;
  const worst = readFileSync(events, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"action":"apply"'))
    .map((line) => JSON.parse(line) as { faultId: string; plannedAt: number; driftMs: number })
    .sort((a, b) => b.driftMs - a.driftMs)
    .slice(0, 4)
    .map((event) => `${event.faultId} at +${((event.plannedAt - t0) / 1_000).toFixed(1)} s: ${event.driftMs} ms`);
  const drift = (summary: DriftSummary) => ({ p50_ms: summary.p50, p99_ms: summary.p99, max_ms: summary.max, count: summary.count, failed: summary.failed });
  const lag = (summary: LagSummary | undefined) => ({ p50_ms: round(summary?.p50 ?? NaN), p99_ms: round(summary?.p99 ?? NaN), max_ms: round(summary?.max ?? NaN), count: summary?.samples ?? 0 });
  const variant = `round ${roundNo}`;
  return [
    {
      entry: name,
      subject: `${variant}: load while the faults ran`,
      metrics: { offered_per_s: offeredPerSec, achieved_per_s: round(rate.perSec), requests: rate.requests, dropped: rate.dropped, thap_core_pct: round(100 * run.drive.coreShare) },
      note: `achieved: target requests over their span in k6.csv${run.afterLoadFailure ? `; ${run.afterLoadFailure}` : ''}`,
    },
    { entry: name, subject: `${variant}: fault start drift (goal p99 <= 50 ms)`, metrics: drift(apply), note: `faults.ndjson apply events, actualAt - plannedAt; worst: ${worst.join('; ')}` },
    { entry: name, subject: `${variant}: fault end drift`, metrics: drift(remove), note: 'scheduled remove events (not the end-of-run clean-up)' },
    { entry: name, subject: `${variant}: probe, Toxiproxy GET /proxies`, metrics: lag(probes.toxiproxy), note: 'from the bench process every 100 ms during the load: finish minus planned start' },
    { entry: name, subject: `${variant}: probe, empty timer`, metrics: lag(probes.timer), note: 'in the idle bench process every 50 ms during the load: what CPU starvation alone costs' },
  ];
}

function round(value: number): number {
  return Number(value.toFixed(1));
}

export default entry;
