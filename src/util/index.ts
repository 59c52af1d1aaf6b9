// util: small helpers that know nothing of thap's domain (output paths, timers, workers, the simulated
// time-of-day notation). The public face other layers import.
export { ensureOutputDir, ensureOutputFile, outputPathError, uncaughtWriteError } from './outputPath.ts';
export { stableStringify } from './stableStringify.ts';
export { formatTimeOfDay, parseTimeOfDay } from './timeOfDay.ts';
export { MAX_TIMER_MS } from './timerBounds.ts';
export { startTsWorker } from './tsWorker.ts';
export { withTimeout } from './withTimeout.ts';

export { type ClockPiece, type SegmentedClock, clockPieces, otherSpeedsBetween, scaleClockSpeeds, simOfWallOffset, speedAtSim, speedAtWall, wallOffsetOf } from './segmentedClock.ts';
