/**
 * A piecewise-linear clock: simulated time runs at `speed` simulated ms per wall ms from `startSim`, and at
 * each later segment's `speed` from its `fromSim` on. Simulated instants are ms after 00:00 of the first day
 * (a second day continues at 24 h); wall instants are ms after the clock's start (wall 0 is `startSim`). Both
 * directions are monotonic and inverse to each other; before the start the first speed holds, after the last
 * change the last. With no segments it is the one-speed clock `wall = (sim - startSim) / speed`, to the bit.
 */
export interface SegmentedClock {
  /** Simulated ms of day at wall 0. */
  startSim: number;
  /** Simulated ms per wall ms from `startSim` until the first segment. */
  speed: number;
  /** Later segments, each from its simulated instant on, in increasing `fromSim` after `startSim`. */
  segments?: ReadonlyArray<{ fromSim: number; speed: number }>;
}

/** One stretch of the clock at one speed: simulated [fromSim, toSim) is wall [fromWall, toWall). */
export interface ClockPiece {
  fromSim: number;
  toSim: number;
  fromWall: number;
  toWall: number;
  speed: number;
}

/**
 * The clock's stretches in order; the last one is open (`toSim` and `toWall` Infinity). Built once per segment
 * table, start and speed: callers adapt their own clock shapes into a new object per call, but hand on the
 * same `segments` array, so the table is kept by that array (which no caller changes once made).
 */
export function clockPieces(clock: SegmentedClock): readonly ClockPiece[] {
  if (!clock.segments) return buildPieces(clock);
  let byStart = piecesBySegments.get(clock.segments);
  if (!byStart) piecesBySegments.set(clock.segments, (byStart = new Map()));
  const key = `${clock.startSim} ${clock.speed}`;
  let pieces = byStart.get(key);
  if (!pieces) byStart.set(key, (pieces = buildPieces(clock)));
  return pieces;
}

const piecesBySegments = new WeakMap<NonNullable<SegmentedClock['segments']>, Map<string, ClockPiece[]>>();

function buildPieces(clock: SegmentedClock): ClockPiece[] {
  const pieces: ClockPiece[] = [];
  let fromSim = clock.startSim;
  let fromWall = 0;
  let speed = clock.speed;
  for (const segment of clock.segments ?? []) {
    const toWall = fromWall + (segment.fromSim - fromSim) / speed;
    pieces.push({ fromSim, toSim: segment.fromSim, fromWall, toWall, speed });
    fromSim = segment.fromSim;
    fromWall = toWall;
    speed = segment.speed;
  }
  pieces.push({ fromSim, toSim: Infinity, fromWall, toWall: Infinity, speed });
  return pieces;
}

/** Wall ms after the clock's start of simulated instant `sim`, unrounded. */
export function wallOffsetOf(clock: SegmentedClock, sim: number): number {
  if (!clock.segments?.length) return (sim - clock.startSim) / clock.speed;
  const pieces = clockPieces(clock);
  const piece = pieces.findLast((candidate) => sim >= candidate.fromSim) ?? (pieces[0] as ClockPiece);
  return piece.fromWall + (sim - piece.fromSim) / piece.speed;
}

/** Simulated instant at wall ms `wall` after the clock's start, unrounded. */
export function simOfWallOffset(clock: SegmentedClock, wall: number): number {
  if (!clock.segments?.length) return clock.startSim + wall * clock.speed;
  const pieces = clockPieces(clock);
  const piece = pieces.findLast((candidate) => wall >= candidate.fromWall) ?? (pieces[0] as ClockPiece);
  return piece.fromSim + (wall - piece.fromWall) * piece.speed;
}

/** The speed at simulated instant `sim`. */
export function speedAtSim(clock: SegmentedClock, sim: number): number {
  if (!clock.segments?.length) return clock.speed;
  return clockPieces(clock).findLast((piece) => sim >= piece.fromSim)?.speed ?? clock.speed;
}

/** The speed at wall ms `wall` after the clock's start. */
export function speedAtWall(clock: SegmentedClock, wall: number): number {
  if (!clock.segments?.length) return clock.speed;
  return clockPieces(clock).findLast((piece) => wall >= piece.fromWall)?.speed ?? clock.speed;
}

/**
 * The stretches of simulated [fromSim, toSim) where the clock runs at a speed other than its first, `speed`:
 * each from where it begins inside the span, in order.
 */
export function otherSpeedsBetween(clock: SegmentedClock, fromSim: number, toSim: number): Array<{ fromSim: number; speed: number }> {
  return clockPieces(clock)
    .filter((piece) => piece.speed !== clock.speed && piece.fromSim < toSim && piece.toSim > fromSim)
    .map((piece) => ({ fromSim: Math.max(piece.fromSim, fromSim), speed: piece.speed }));
}

/** The clock with every speed multiplied by `ratio` (`--speed` on a segmented scenario). */
export function scaleClockSpeeds<C extends SegmentedClock>(clock: C, ratio: number): C {
  return { ...clock, speed: clock.speed * ratio, ...(clock.segments ? { segments: clock.segments.map((segment) => ({ ...segment, speed: segment.speed * ratio })) } : {}) };
}
