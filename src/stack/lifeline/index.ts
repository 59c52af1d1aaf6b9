// stack/lifeline: what keeps a run's processes from outliving it (process groups, the lifeline pipe, the
// watchdog, labelled containers). A face of its own: the CLI loads it for every command, without the rest
// of stack/.
export { endProcessGroups, isOurs, type GuardedProcess } from './endProcessGroups.ts';
export { processRunning, processStartTime } from './processStartTime.ts';
export { removeLabelledContainers } from './removeLabelledContainers.ts';
export { startWatchdog } from './startWatchdog.ts';
export { LIFELINE_FD_ENV, watchLifeline } from './watchLifeline.ts';
