import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTools } from '../../src/stack/tools/index.ts';
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
 * planned wall time, where actual is after Toxiproxy confirmed the change.
 */
const entry: BenchEntry = {
  name,
  description: `fault start drift with ${offeredPerSec}/s offered through thap run (52 faults over 20 s)`,
  async run(): Promise<BenchRow[]> {
    const tools = await ensureTools();
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'thap-bench-fault-timing-'));
    const target = await startChild({ file: here('doneServer.ts') });
    try {
      const run = await runThap({ scenarioFile: here('fault-timing.yaml'), target: target.url, outDir, k6Path: tools.k6.path, toxiproxyPath: tools.toxiproxy.path });
      const rate = await k6AchievedRate(path.join(run.runDir, 'k6.csv'));
      const events = path.join(run.runDir, 'faults.ndjson');
      const apply = await faultDrift({ file: events, action: 'apply' });
      const remove = await faultDrift({ file: events, action: 'remove' });
      const metrics = (drift: DriftSummary) => ({ p50_ms: drift.p50, p99_ms: drift.p99, max_ms: drift.max, count: drift.count, failed: drift.failed });
      return [
        {
          entry: name,
          subject: 'load while the faults ran',
          metrics: { offered_per_s: offeredPerSec, achieved_per_s: Number(rate.perSec.toFixed(1)), requests: rate.requests, dropped: rate.dropped, thap_core_pct: Number((100 * run.drive.coreShare).toFixed(1)) },
          note: `achieved: target requests over their span in k6.csv${run.afterLoadFailure ? `; ${run.afterLoadFailure}` : ''}`,
        },
        { entry: name, subject: 'fault start drift (goal p99 <= 50 ms)', metrics: metrics(apply), note: 'faults.ndjson apply events: actualAt - plannedAt' },
        { entry: name, subject: 'fault end drift', metrics: metrics(remove), note: 'scheduled remove events (not the end-of-run clean-up)' },
      ];
    } finally {
      await target.stop();
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};

export default entry;
