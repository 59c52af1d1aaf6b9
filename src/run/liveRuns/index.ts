// run/liveRuns: the record of runs in progress, refusing a second run on the same directory, and sweeping
// what a killed run left behind. A face of its own: the CLI loads it for every command, without the rest
// of run/.
export { liveRunsDir } from './liveRunRecord.ts';
export { refuseLiveRun } from './refuseLiveRun.ts';
export { describeSweep, sweepDeadRuns } from './sweepDeadRuns.ts';
export { sweepOnStart } from './sweepOnStart.ts';
