import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createToxiproxyControl } from '../../src/faults/network/toxiproxyControl.ts';
import { ensureTools } from '../../src/stack/tools/index.ts';
import { startLagProbe, type LagSummary } from '../harness/probeLag.ts';
import { faultDrift, type DriftSummary } from '../harness/faultDrift.ts';
import { k6AchievedRate } from '../harness/k6AchievedRate.ts';
import { runThap } from '../harness/runThap.ts';
import { startChild } from '../harness/startChild.ts';
import type { BenchEntry, BenchRow } from '../types.ts';

const here = (file: string) => fileURLToPath(new URL(`../harness/${file}`, import.meta.url));
const name = 'harness-fault-timing';
/** What bench/harness/fault-timing.yaml offers (issue 7: at least 2,000 requests/s). */
const offeredPerSec = 2_500;

/**
 * Issue 7, "Fault timing under load": `thap run --target` offering 2,500 registrations/s to a bare target
 * while 52 faults (latency and down, on four services' Toxiproxy proxies) start and end every second or two
 * (bench/harness/fault-timing.yaml). Drift is what the fault driver logs in faults.ndjson: actual minus
 * planned wall time, where actual is after Toxiproxy confirmed the change. To see where drift comes from,
 * two probes run in this (otherwise idle) bench process during the load: a Toxiproxy control call
 * (GET /proxies on thap's Toxiproxy, every 100 ms) and an empty timer (every 50 ms), each measured like a
 * drift (finish time minus planned start).
 */
const entry: BenchEntry = {
  name,
  description: `fault start drift with ${offeredPerSec}/s offered through thap run (52 faults over 20 s)`,
  async run(): Promise<BenchRow[]> {
    const tools = await ensureTools();
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'thap-bench-fault-timing-'));
    const target = await startChild({ file: here('doneServer.ts') });
    try {
      let probes: { toxiproxy?: LagSummary; timer?: LagSummary } = {};
      const run = await runThap({
        scenarioFile: here('fault-timing.yaml'),
        target: target.url,
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
      const metrics = (drift: DriftSummary) => ({ p50_ms: drift.p50, p99_ms: drift.p99, max_ms: drift.max, count: drift.count, failed: drift.failed });
      const lag = (summary: LagSummary | undefined) => ({ p50_ms: round(summary?.p50 ?? NaN), p99_ms: round(summary?.p99 ?? NaN), max_ms: round(summary?.max ?? NaN), count: summary?.samples ?? 0 });
      const t0 = (JSON.parse(readFileSync(path.join(run.runDir, 'run.json'), 'utf8')) as { t0: number }).t0;
      const worst = readFileSync(events, 'utf8')
        .split('\n')
        .filter((line) => line.includes('"action":"apply"'))
        .map((line) => JSON.parse(line) as { faultId: string; kind: string; plannedAt: number; driftMs: number })
        .sort((a, b) => b.driftMs - a.driftMs)
        .slice(0, 5)
        .map((event) => `${event.faultId} at +${((event.plannedAt - t0) / 1_000).toFixed(1)} s: ${event.driftMs} ms`);
      return [
        {
          entry: name,
          subject: 'load while the faults ran',
          metrics: { offered_per_s: offeredPerSec, achieved_per_s: Number(rate.perSec.toFixed(1)), requests: rate.requests, dropped: rate.dropped, thap_core_pct: Number((100 * run.drive.coreShare).toFixed(1)) },
          note: `achieved: target requests over their span in k6.csv${run.afterLoadFailure ? `; ${run.afterLoadFailure}` : ''}`,
        },
        { entry: name, subject: 'fault start drift (goal p99 <= 50 ms)', metrics: metrics(apply), note: `faults.ndjson apply events: actualAt - plannedAt; worst: ${worst.join('; ')}` },
        { entry: name, subject: 'fault end drift', metrics: metrics(remove), note: 'scheduled remove events (not the end-of-run clean-up)' },
        { entry: name, subject: 'probe: Toxiproxy GET /proxies from outside thap', metrics: lag(probes.toxiproxy), note: 'every 100 ms during the load; finish minus planned start' },
        { entry: name, subject: 'probe: empty timer in an idle process', metrics: lag(probes.timer), note: 'every 50 ms during the load: the CPU starvation any process sees' },
      ];
    } finally {
      await target.stop();
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};

function round(value: number): number {
  return Number(value.toFixed(1));
}

export default entry;
