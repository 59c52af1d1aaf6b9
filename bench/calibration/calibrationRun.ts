/** One real run of the calibration: a client on a scenario, and what thap made of it. */
export interface CalibrationRun {
  client: string;
  scenario: string;
  repeat: number;
  /** The `--speed` given, when not the scenario's own. */
  speed?: number;
  /** report.json `status` (passed, failed, invalid, error, interrupted), or `no report (exit N)`. */
  status: string;
  exitCode: number | null;
  /** report.json `score.total`; null when there is no report. */
  score: number | null;
  runDir?: string;
  /** The gates it failed, each `expr (actual N)`. */
  failedGates?: string[];
  /** For an `invalid` run: the validity checks that failed, each `name: message`. */
  invalidBecause?: string[];
  /** The last lines thap printed, when it wrote no report. */
  detail?: string;
  at: string;
  /** The commit the run was made from (the client's code and the harness), when git could say. */
  commit?: string;
  /**
   * For a bad client: how many times it did what it is bad at in this run, from its own log (flawsCommitted.ts);
   * 0 when the scenario gave it no occasion (a liar whose NIC never failed). Undefined for other clients.
   */
  flawsCommitted?: number;
  /** Each score component's points (report.json `score.components[].points`, out of 100), so a wide cell can say which moved. */
  points?: Record<string, number>;
  /**
   * What was offered to the client and what it did with it, so a wide cell can say whether its runs differ because
   * the client behaved differently under the same load: the HTTP requests k6 sent it (report.json
   * `samples.httpRequests`), the requests it sent NIC (`nic.upstreamRequests`), and whether it stayed metastable
   * after the fault (`recovery.metastable`).
   */
  behaviour?: RunBehaviour;
  /** The scoring version (report.json `versions.scoring`) its figures come from. */
  scoring?: string;
  /** When THAP_RESCORE=1 last scored its run directory again. */
  rescoredAt?: string;
}

export interface RunBehaviour {
  requestsToClient: number;
  requestsToNic: number | null;
  metastable: boolean;
}

/** What the table shows for one client on one scenario, over its repeats. */
export interface CalibrationCell {
  runs: number;
  /** Mean score of the runs that were not `invalid` (an invalid run's score is not a verdict). */
  score: number | null;
  /** Half the range of those scores: the table's "±"; null with fewer than two of them (one run has no spread). */
  spread: number | null;
  /** Each status with how many runs ended in it, e.g. `failed` x3. */
  statuses: Record<string, number>;
}

export function summarizeCell(runs: readonly CalibrationRun[]): CalibrationCell {
  const scored = runs.filter((run) => run.status !== 'invalid' && run.score !== null).map((run) => run.score as number);
  const statuses: Record<string, number> = {};
  for (const run of runs) statuses[run.status] = (statuses[run.status] ?? 0) + 1;
  if (scored.length === 0) return { runs: runs.length, score: null, spread: null, statuses };
  const mean = scored.reduce((sum, score) => sum + score, 0) / scored.length;
  return { runs: runs.length, score: mean, spread: scored.length > 1 ? (Math.max(...scored) - Math.min(...scored)) / 2 : null, statuses };
}
