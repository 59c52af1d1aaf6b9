import { resolve } from 'node:path';
import { UserError } from '../../core/index.ts';
import { liveRunsDir, ownerAlive, readLiveRuns } from './liveRunRecord.ts';

/**
 * Refuses to score a run directory whose thap is still running it (a `running` run.json is otherwise read as
 * a killed run): the report would call a live run interrupted.
 */
export function refuseLiveRun({ runDir, runsDir = liveRunsDir() }: { runDir: string; runsDir?: string }): void {
  const live = readLiveRuns(runsDir).find((record) => resolve(record.runDir) === resolve(runDir) && ownerAlive(record));
  if (live) {
    throw new UserError(`${runDir}: run ${live.runId} is still running (thap pid ${live.owner.pid}); score it once that thap has ended`, { code: 'THAP_RUN_LIVE' });
  }
}
