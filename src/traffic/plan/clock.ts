import { simOfWallOffset, wallOffsetOf } from '../../util/index.ts';

/**
 * The plan's two clocks. Simulated time is ms since 00:00 (IST) of `date` (a second day continues at 24 h);
 * wall time is ms since the run's start. `speed` simulated seconds pass per wall second from `startSimMs`
 * (wall 0) until the first of `segments`, then each segment's own speed from its `fromSim` on
 * (src/util/segmentedClock.ts: a multi-day incident's quiet hours can pass faster than its busy ones).
 */
export interface Clock {
  date: string;
  speed: number;
  startSimMs: number;
  segments?: ReadonlyArray<{ fromSim: number; speed: number }>;
}

/** Fastest and slowest compression accepted: a whole day in 1 wall second at most; real time at least. */
export const speedRange = { min: 1, max: 86_400 } as const;

export function simToWall(clock: Clock, simMs: number): number {
  return Math.round(wallOffsetOf(asSegmented(clock), simMs));
}

export function wallToSim(clock: Clock, wallMs: number): number {
  return Math.round(simOfWallOffset(asSegmented(clock), wallMs));
}

/** The plan's clock in the shared piecewise model. */
export function asSegmented(clock: Clock): { startSim: number; speed: number; segments?: Clock['segments'] } {
  return { startSim: clock.startSimMs, speed: clock.speed, ...(clock.segments ? { segments: clock.segments } : {}) };
}
