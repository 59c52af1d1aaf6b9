import { repoRoot } from '../../test/support/runThap.ts';
import { scoringVersion } from '../../src/scoring/version.ts';
import type { CalibrationRun } from './calibrationRun.ts';
import { clientNamed } from './clients.ts';
import { staleRunCheck } from './staleRuns.ts';

/**
 * Whether a logged run still counts as this tree's verdict: its client is one of bench/calibration/clients.ts, it
 * is not stale (staleRuns.ts: its client or scenario changed since its commit), and its figures come from this
 * scoring version, or from an earlier patch of it that scored the run (a run whose directory is gone, made on
 * another machine, could not be rescored).
 */
export function currentRunCheck(cwd: string = repoRoot): (run: CalibrationRun) => boolean {
  const isStale = staleRunCheck(cwd);
  return (run) => {
    const client = clientNamed(run.client);
    return client !== undefined && !isStale(run, client) && (run.scoring === undefined || figuresStand(run));
  };
}

/**
 * Whether a run's figures are those of scoring version `current`: scored by it, or scored (not `invalid`) by an
 * earlier patch of its major.minor, as a patch changes no figure of a scored run (src/scoring/version.ts). An
 * invalid run of an earlier patch is not: the patch may score it, so the bench makes that repeat again.
 */
export function figuresStand(run: Pick<CalibrationRun, 'scoring' | 'status'>, current: string = scoringVersion): boolean {
  if (run.scoring === current) return true;
  const [major, minor, patch] = (run.scoring ?? '').split('.').map(Number);
  const [currentMajor, currentMinor, currentPatch] = current.split('.').map(Number);
  return run.status !== 'invalid' && major === currentMajor && minor === currentMinor && patch !== undefined && currentPatch !== undefined && patch < currentPatch;
}
