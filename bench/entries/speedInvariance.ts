import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../../test/support/runThap.ts';
import { clientNamed } from '../calibration/clients.ts';
import { runClientOn, scenarioName } from '../calibration/runClientOn.ts';
import { RunLog } from '../calibration/runLog.ts';
import { currentRunCheck } from '../calibration/currentRuns.ts';
import type { BenchEntry, BenchRow } from '../types.ts';

const name = 'speed-invariance';
/** Issue 13, "Incident time": the same scenario, seed and client at two speeds score within this of each other. */
const goalPoints = 3;
const clientNames = ['naive', 'retry-storm', 'resilient'];

/**
 * Issue 13, "Incident time": each of naive, retry-storm and resilient on the demo (THAP_SPEED_SCENARIO to
 * choose another) at its shipped speed and at half of it, real runs side by side (the order alternates per
 * client so that a drifting machine does not favour one speed), one real-run lock per run. Reports both
 * scores and their difference against the 3-point goal. Runs are kept in `$THAP_SPEED_DIR/runs.ndjson`
 * (default docs/speed-invariance, in the repository; their directories in `$THAP_SPEED_RUNS`, default
 * reports/speed-invariance/runs) and not made again while current and valid (bench/calibration/currentRuns.ts: not
 * stale, this scoring version or a scored run of an earlier patch of it); THAP_RESCORE=1 scores their directories again first.
 */
const entry: BenchEntry = {
  name,
  description: `naive, retry-storm and resilient on the demo at its speed and at half of it; goal: scores within ${goalPoints} points`,
  async run(): Promise<BenchRow[]> {
    const scenarioFile = path.resolve(repoRoot, process.env.THAP_SPEED_SCENARIO ?? 'scenarios/demo.yaml');
    const shipped = (parse(await readFile(scenarioFile, 'utf8')) as { clock: { speed: number } }).clock.speed;
    const speeds = [shipped, shipped / 2];
    const log = await RunLog.open(process.env.THAP_SPEED_DIR ?? 'docs/speed-invariance');
    const runDirs = path.resolve(repoRoot, process.env.THAP_SPEED_RUNS ?? 'reports/speed-invariance/runs');
    if (process.env.THAP_RESCORE === '1') await log.rescore();
    const current = currentRunCheck();
    const scenario = scenarioName(scenarioFile);
    const rows: BenchRow[] = [];
    for (const [index, clientName] of clientNames.entries()) {
      const client = clientNamed(clientName);
      if (!client?.script) throw new Error(`speed-invariance: no client ${clientName}`);
      const scores = new Map<number, number | null>();
      const statuses: string[] = [];
      for (const speed of index % 2 === 0 ? speeds : [...speeds].reverse()) {
        // An invalid run measured the machine, not the client: it stays in the log and the run is made again.
        const kept = log.runs.findLast((run) => run.client === clientName && run.scenario === scenario && run.speed === speed && run.status !== 'invalid' && current(run));
        const run = kept ?? (await runClientOn({ client: { ...client, script: client.script }, scenarioFile, repeat: 1, speed, out: runDirs }));
        // The machine's 1-minute load average as the run ended: a storming client's CPU is the machine's (docs/scoring.md).
        const load = kept ? '' : `, load ${loadavg()[0]?.toFixed(1)}`;
        if (!kept) await log.add(run);
        process.stderr.write(`bench: ${name}: ${clientName} at ${speed}x: ${run.status}, score ${run.score ?? '-'}${load} (${run.runDir ?? 'no run dir'})\n`);
        scores.set(speed, run.status === 'invalid' ? null : run.score);
        statuses.push(`${speed}x ${run.status}${load}`);
      }
      const atShipped = scores.get(shipped) ?? null;
      const atHalf = scores.get(shipped / 2) ?? null;
      const difference = atShipped !== null && atHalf !== null ? Math.abs(atShipped - atHalf) : undefined;
      rows.push({
        entry: name,
        subject: `${clientName} on ${path.basename(scenarioFile)}, ${shipped}x vs ${shipped / 2}x`,
        metrics: { ...(atShipped !== null ? { scoreShipped: atShipped } : {}), ...(atHalf !== null ? { scoreHalf: atHalf } : {}), ...(difference !== undefined ? { difference } : {}), goal: goalPoints },
        note: `${difference === undefined ? 'no comparable pair' : difference <= goalPoints ? 'within goal' : 'MISS'}; ${statuses.join(', ')}`,
      });
    }
    return rows;
  },
};
export default entry;
