/**
 * The plan's two clocks. Simulated time is ms since 00:00 (IST) of `date`; wall time is ms since the run's
 * start. `speed` simulated seconds pass per wall second; simulated `startSimMs` is wall 0.
 */
export interface Clock {
  date: string;
  speed: number;
  startSimMs: number;
}

/** Fastest and slowest compression accepted: a whole day in 1 wall second at most; real time at least. */
export const speedRange = { min: 1, max: 86_400 } as const;

export function simToWall(clock: Clock, simMs: number): number {
  return Math.round((simMs - clock.startSimMs) / clock.speed);
}

export function wallToSim(clock: Clock, wallMs: number): number {
  return Math.round(clock.startSimMs + wallMs * clock.speed);
}
