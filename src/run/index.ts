// run: the one place that puts a run together, and the checks and records around it. The public face the
// commands import.
export { checkRegionalRun } from './checkRegionalRun.ts';
export { checkTarget, refuseGovernmentHost } from './checkTarget.ts';
export { mergeRuns } from './mergeRuns.ts';
export { runScenario, type ExternalRun, type RunOptions } from './runScenario.ts';
export { probesOf, type RunStackHandle } from './startRunStack.ts';
export { writeJsonAtomic } from './runDirectory.ts';

export { loadClientMapping } from './loadClientMapping.ts';
export { onInterrupt } from './interruptSignal.ts';
