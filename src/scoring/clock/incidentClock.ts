/**
 * The incident's clock (plan.json `clock`): a wall instant w is `simStartMs + (w - t0) * speed` simulated ms
 * since the simulated midnight, and a wall span of d ms lasts `d * speed` simulated ms. Every duration in
 * report.json is read on this clock, so a score does not move with `--speed` (docs/scoring.md "Incident time").
 */
export interface IncidentClock {
  /** Simulated seconds per wall second. */
  speed: number;
  /** The wall instant (epoch ms) that maps to `simStartMs`: the run's t0. */
  t0: number;
  /** Simulated ms since midnight at t0. */
  simStartMs: number;
  /** The simulated day (YYYY-MM-DD), when the scenario names one. */
  date?: string;
}

/** Simulated ms of day of wall instant `wall`, unrounded (for callers that round to their own unit). */
export function simMsOf(clock: Pick<IncidentClock, 'speed' | 't0' | 'simStartMs'>, wall: number): number {
  return clock.simStartMs + (wall - clock.t0) * clock.speed;
}

/** Simulated ms of day of wall instant `wall`, to the simulated ms. */
export function simAt(clock: IncidentClock, wall: number): number {
  return Math.round(simMsOf(clock, wall));
}

/** Simulated length of a wall span; null stays null. */
export function simSpan(clock: IncidentClock, wallMs: number): number;
export function simSpan(clock: IncidentClock, wallMs: number | null): number | null;
export function simSpan(clock: IncidentClock, wallMs: number | null): number | null {
  return wallMs === null ? null : Math.round(wallMs * clock.speed);
}

/** Wall length of a simulated span. */
export function wallSpan(clock: IncidentClock, simMs: number): number {
  return simMs / clock.speed;
}
