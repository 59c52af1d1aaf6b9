import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../../test/support/runThap.ts';
import type { CalibrationRun } from '../calibration/calibrationRun.ts';
import { RunLog } from '../calibration/runLog.ts';
import { summarizeCell } from '../calibration/calibrationRun.ts';
import { calibrationClaims, claimLines } from '../calibration/calibrationClaims.ts';
import { calibrationTable } from '../calibration/calibrationTable.ts';
import { calibrationClients, clientNamed, type CalibrationClient } from '../calibration/clients.ts';
import { runClientOn, scenarioName } from '../calibration/runClientOn.ts';
import { currentRunCheck } from '../calibration/currentRuns.ts';
import type { BenchEntry, BenchRow } from '../types.ts';

const name = 'calibration';

/**
 * Issue 13, "Calibration, measured": every reference and bad client (bench/calibration/clients.ts) on the
 * shipped scenarios, each a real `thap run`, 3 repeats. Every run is appended to
 * `$THAP_CALIBRATION_DIR/runs.ndjson` as it ends (default docs/calibration: the log is kept in the repository, so
 * the evidence outlives the machine it was made on; the run directories go to `$THAP_CALIBRATION_RUNS`, default
 * reports/calibration/runs, and are what a rescore reads), and runs already there are
 * not made again (an invalid one is, and so is a stale one: made before its client's code or its scenario changed,
 * bench/calibration/staleRuns.ts), so the whole calibration (hours of machine time) can be made in parts; the
 * Markdown table for docs/scoring.md and issue 13's claims checked on it are written from the current runs to
 * `calibration.md` beside it.
 * Choose with THAP_CALIBRATION_SCENARIOS (scenario files, comma-separated; default scenarios/*.yaml),
 * THAP_CALIBRATION_CLIENTS (names) and THAP_CALIBRATION_REPEATS (default 3). THAP_RESCORE=1 first scores
 * the kept run directories again with this tree's scoring (after a scoring change).
 */
const entry: BenchEntry = {
  name,
  description: 'every reference and bad client on the shipped scenarios, real runs, score, verdict and spread over repeats',
  async run(): Promise<BenchRow[]> {
    const log = await RunLog.open(process.env.THAP_CALIBRATION_DIR ?? 'docs/calibration');
    const runDirs = path.resolve(repoRoot, process.env.THAP_CALIBRATION_RUNS ?? 'reports/calibration/runs');
    if (process.env.THAP_RESCORE === '1') await log.rescore();
    const scenarioFiles = await chosenScenarios();
    const clients = chosenClients();
    const repeats = Number(process.env.THAP_CALIBRATION_REPEATS ?? '3');
    const current = currentRunCheck();
    for (let repeat = 1; repeat <= repeats; repeat++) {
      for (const scenarioFile of scenarioFiles) {
        for (const client of clients) {
          if (!client.script) continue;
          const scenario = scenarioName(scenarioFile);
          // An invalid run measured the machine, not the client: it stays in the log (the table lists it) and the
          // repeat is made again, so every cell aims at its number of valid runs.
          if (log.has((run) => run.client === client.name && run.scenario === scenario && run.repeat === repeat && run.speed === undefined && run.status !== 'invalid' && current(run))) continue;
          process.stderr.write(`bench: ${name}: ${client.name} on ${scenario}, repeat ${repeat}/${repeats}\n`);
          const run = await runClientOn({ client: { ...client, script: client.script }, scenarioFile, repeat, out: runDirs });
          process.stderr.write(`bench: ${name}: ${client.name} on ${scenario}: ${run.status}, score ${run.score ?? '-'}\n`);
          await log.add(run);
        }
      }
    }
    const runs = log.runs.filter((run) => run.speed === undefined && current(run));
    // The table's columns in shipped order whichever scenarios this part ran (a part may run one).
    const scenarios = [...new Set([...scenarioFiles.map(scenarioName), ...runs.map((run) => run.scenario)])].sort(shippedOrder);
    const table = calibrationTable({ clients: calibrationClients, scenarios, runs });
    const claims = claimLines(calibrationClaims({ clients: calibrationClients, scenarios, runs }));
    const stale = log.runs.length - runs.length;
    await writeFile(path.join(log.dir, 'calibration.md'), `${[table, '', `Issue 13's claims on these runs (${stale} runs of changed clients or scenarios, at another speed or scored by another scoring version, left out):`, '', ...claims].join('\n')}\n`);
    process.stderr.write(`bench: ${name}: table in ${path.join(log.dir, 'calibration.md')}\n`);
    return rowsOf(runs);
  },
};
export default entry;

async function chosenScenarios(): Promise<string[]> {
  const chosen = process.env.THAP_CALIBRATION_SCENARIOS;
  if (chosen) return chosen.split(',').map((file) => path.resolve(repoRoot, file.trim()));
  const dir = path.join(repoRoot, 'scenarios');
  return (await readdir(dir)).filter((file) => file.endsWith('.yaml')).sort(shippedOrder).map((file) => path.join(dir, file));
}

/** The demo first, then O1, O2 ... in number order; by file or by scenario name. */
function shippedOrder(a: string, b: string): number {
  const rank = (file: string) => (file.startsWith('demo') ? 0 : Number(/^o(\d+)/.exec(file)?.[1] ?? 99));
  return rank(a) - rank(b);
}

function chosenClients(): readonly CalibrationClient[] {
  const chosen = process.env.THAP_CALIBRATION_CLIENTS?.split(',').map((client) => client.trim());
  if (!chosen) return calibrationClients;
  const unknown = chosen.filter((client) => clientNamed(client) === undefined);
  if (unknown.length > 0) throw new Error(`THAP_CALIBRATION_CLIENTS: unknown client ${unknown.join(', ')}; known: ${calibrationClients.map((client) => client.name).join(', ')}`);
  return calibrationClients.filter((client) => chosen.includes(client.name));
}

function rowsOf(runs: readonly CalibrationRun[]): BenchRow[] {
  const pairs = [...new Set(runs.map((run) => `${run.client}\u0000${run.scenario}`))];
  return pairs.map((pair) => {
    const [client, scenario] = pair.split('\u0000') as [string, string];
    const cell = summarizeCell(runs.filter((run) => run.client === client && run.scenario === scenario));
    return {
      entry: name,
      subject: `${client} on ${scenario}`,
      metrics: { runs: cell.runs, ...(cell.score !== null ? { score: cell.score } : {}), ...(cell.spread !== null ? { spread: cell.spread } : {}) },
      note: Object.entries(cell.statuses).map(([status, count]) => `${status} x${count}`).join(', '),
    };
  });
}
