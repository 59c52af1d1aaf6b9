// run: the one place that puts a run together, and the checks and records around it. The public face the
// commands import.
export { checkRegionalRun } from './checkRegionalRun.ts';
export { checkTarget, refuseGovernmentHost } from './checkTarget.ts';
export { liveRunsDir } from './liveRuns/liveRunRecord.ts';
export { refuseLiveRun } from './liveRuns/refuseLiveRun.ts';
export { describeSweep, sweepDeadRuns } from './liveRuns/sweepDeadRuns.ts';
export { sweepOnStart } from './liveRuns/sweepOnStart.ts';
export { mergeRuns } from './mergeRuns.ts';
export { runScenario } from './runScenario.ts';

