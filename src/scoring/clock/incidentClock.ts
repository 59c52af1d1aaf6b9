import { simOfWallOffset, speedAtWall, wallOffsetOf, type SegmentedClock } from '../../util/index.ts';

/**
 * The incident's clock (plan.json `clock`): from t0, simulated time runs at `speed` simulated ms per wall ms,
 * then at each of `segments`' speeds from its simulated instant on (src/util/segmentedClock.ts). A wall
 * instant maps to simulated ms since the simulated midnight of the first day (the second day continues at
 * 24 h), and a span's simulated length is read from its two instants, never from one speed: across a segment
 * boundary a wall second is worth two different simulated lengths. With one speed, a wall instant w is
 * `simStartMs + (w - t0) * speed`. Every duration in report.json is read on this clock, so a score does not
 * move with `--speed` (docs/scoring.md "Incident time").
 */
export interface IncidentClock {
  /** Simulated seconds per wall second, from t0 until the first segment. */
  speed: number;
  /** The wall instant (epoch ms) that maps to `simStartMs`: the run's t0. */
  t0: number;
  /** Simulated ms since midnight at t0. */
  simStartMs: number;
  /** The simulated day (YYYY-MM-DD), when the scenario names one. */
  date?: string;
  /** Later stretches at their own speed, each from its simulated instant on; absent for a one-speed clock. */
  segments?: Array<{ fromSim: number; speed: number }>;
}

type ClockShape = Pick<IncidentClock, 'speed' | 't0' | 'simStartMs' | 'segments'>;

/**
 * The incident clock in the shared piecewise model, t0 aside: the one adapter between report.json's names
 * (`simStartMs`) and src/util/segmentedClock.ts, whose segment tables are kept per `segments` array.
 */
export function segmented(clock: ClockShape): SegmentedClock {
  return { startSim: clock.simStartMs, speed: clock.speed, ...(clock.segments?.length ? { segments: clock.segments } : {}) };
}

/** Simulated ms of day of wall instant `wall`, unrounded (for callers that round to their own unit). */
export function simMsOf(clock: ClockShape, wall: number): number {
  return simOfWallOffset(segmented(clock), wall - clock.t0);
}

/** Simulated ms of day of wall instant `wall`, to the simulated ms. */
export function simAt(clock: ClockShape, wall: number): number {
  return Math.round(simMsOf(clock, wall));
}

/** The wall instant (epoch ms) of simulated ms of day `sim`. */
export function wallAt(clock: ClockShape, sim: number): number {
  return clock.t0 + wallOffsetOf(segmented(clock), sim);
}

/** Simulated length of the wall span from instant `from` to instant `to`; a null end stays null. */
export function simSpan(clock: ClockShape, from: number, to: number): number;
export function simSpan(clock: ClockShape, from: number, to: number | null): number | null;
export function simSpan(clock: ClockShape, from: number, to: number | null): number | null {
  if (to === null) return null;
  if (!clock.segments?.length) return Math.round((to - from) * clock.speed);
  return Math.round(simMsOf(clock, to) - simMsOf(clock, from));
}

/** Simulated length of `wallMs` from instant `from` on; null stays null. */
export function simSpanFrom(clock: ClockShape, from: number, wallMs: number | null): number | null {
  return wallMs === null ? null : simSpan(clock, from, from + wallMs);
}

/** Wall length of the simulated span `simMs` that starts at wall instant `from`. */
export function wallSpanFrom(clock: ClockShape, from: number, simMs: number): number {
  if (!clock.segments?.length) return simMs / clock.speed;
  return wallAt(clock, simMsOf(clock, from) + simMs) - from;
}

/**
 * The timeline's buckets over the wall span [start, end), each `bucketSimMs` of simulated time. On a one-speed
 * clock that is one wall size, `bucketSimMs / speed`; on a segmented clock it is the wall edges of every bucket
 * (one more than the buckets, the last at or after `end`): a bucket in a faster segment is shorter on the wall,
 * so time to detect and time to recover resolve the same simulated length in every segment.
 */
export function timelineBuckets(clock: ClockShape, start: number, end: number, bucketSimMs: number): number | Float64Array {
  if (!clock.segments?.length) return bucketSimMs / clock.speed;
  const simStart = simMsOf(clock, start);
  const count = Math.max(1, Math.ceil((simMsOf(clock, end) - simStart) / bucketSimMs - 1e-9));
  const edges = new Float64Array(count + 1);
  for (let index = 1; index <= count; index += 1) edges[index] = wallAt(clock, simStart + index * bucketSimMs);
  edges[0] = start;
  edges[count] = Math.max(edges[count] ?? end, end);
  return edges;
}

/** The speed at wall instant `wall`. */
export function speedAt(clock: ClockShape, wall: number): number {
  return speedAtWall(segmented(clock), wall - clock.t0);
}
