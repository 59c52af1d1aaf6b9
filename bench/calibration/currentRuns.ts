import { repoRoot } from '../../test/support/runThap.ts';
import { scoringVersion } from '../../src/scoring/version.ts';
import type { CalibrationRun } from './calibrationRun.ts';
import { clientNamed } from './clients.ts';
import { staleRunCheck } from './staleRuns.ts';

/**
 * Whether a logged run still counts as this tree's verdict: its client is one of bench/calibration/clients.ts, it
 * is not stale (staleRuns.ts: its client or scenario changed since its commit), and its figures come from this
 * scoring version (a run whose directory is gone, made on another machine, could not be rescored).
 */
export function currentRunCheck(cwd: string = repoRoot): (run: CalibrationRun) => boolean {
  const isStale = staleRunCheck(cwd);
  return (run) => {
    const client = clientNamed(run.client);
    return client !== undefined && !isStale(run, client) && (run.scoring === undefined || run.scoring === scoringVersion);
  };
}
