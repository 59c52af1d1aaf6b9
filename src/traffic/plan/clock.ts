import { simOfWallOffset, wallOffsetOf, type SegmentedClock } from '../../util/index.ts';

/**
 * The plan's two clocks, in the shared piecewise model (src/util/segmentedClock.ts). Simulated time is ms since
 * 00:00 (IST) of `date` (a second day continues at 24 h); wall time is ms since the run's start. `speed`
 * simulated seconds pass per wall second from `startSim` (wall 0) until the first of `segments`, then each
 * segment's own speed from its `fromSim` on (a multi-day incident's quiet hours can pass faster than its busy ones).
 */
export interface Clock extends SegmentedClock {
  date: string;
}

/** Fastest and slowest compression accepted: a whole day in 1 wall second at most; real time at least. */
export const speedRange = { min: 1, max: 86_400 } as const;

export function simToWall(clock: Clock, simMs: number): number {
  return Math.round(wallOffsetOf(clock, simMs));
}

export function wallToSim(clock: Clock, wallMs: number): number {
  return Math.round(simOfWallOffset(clock, wallMs));
}
