import type { SegmentedClock } from '../util/index.ts';
import type { Scenario } from './schema.ts';

/** A scenario's clock in the shared piecewise model (src/util/segmentedClock.ts): `speed` from `start`, then each segment's. */
export function scenarioClock(clock: Pick<Scenario['clock'], 'start' | 'speed' | 'segments'>): SegmentedClock {
  return { startSim: clock.start, speed: clock.speed, ...(clock.segments ? { segments: clock.segments.map((segment) => ({ fromSim: segment.from, speed: segment.speed })) } : {}) };
}
