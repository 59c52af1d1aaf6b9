import type { Faker } from '@faker-js/faker';
import type { Segment } from '../profiles/profileDefinition.ts';

const msPerHour = 3_600_000;

/**
 * Arrival times (ms since 00:00 of the simulated day) of `count` arrivals in ascending order, one per
 * `next()` call (`undefined` after the last).
 *
 * A non-homogeneous Poisson process with rate proportional to the segments' curve, conditioned on `count`
 * arrivals in the day, places its arrivals as the order statistics of `count` independent draws from the
 * curve's density. We draw those order statistics directly in ascending order (the uniform spacing recurrence
 * X(i+1) = 1 - (1 - X(i)) * V^(1/(n-i)), V uniform) and map each through the curve's inverse CDF, so no array
 * of times is ever held and the output is already sorted. A plain object rather than a generator: at
 * millions of records the generator's per-item result objects showed in the GC's load.
 */
export function arrivalSampler({ faker, count, segments }: { faker: Faker; count: number; segments: readonly Segment[] }): { next(): number | undefined } {
  const total = segments.reduce((sum, s) => sum + s.percent, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const s of segments) cumulative.push((running += s.percent / total));
  let x = 0;
  let segment = 0;
  let i = 0;
  return {
    next(): number | undefined {
      if (i >= count) return undefined;
      const v = faker.number.float();
      x = 1 - (1 - x) * Math.pow(1 - v, 1 / (count - i));
      i += 1;
      while (segment < segments.length - 1 && x > (cumulative[segment] as number)) segment += 1;
      const s = segments[segment] as Segment;
      const before = segment === 0 ? 0 : (cumulative[segment - 1] as number);
      const width = (cumulative[segment] as number) - before;
      const within = width > 0 ? Math.min(1, Math.max(0, (x - before) / width)) : 0;
      return Math.floor((s.fromHour + within * (s.toHour - s.fromHour)) * msPerHour);
    },
  };
}

/** The same arrivals as a generator, for callers that prefer `for...of`. */
export function* orderedArrivals(options: { faker: Faker; count: number; segments: readonly Segment[] }): Generator<number> {
  const sampler = arrivalSampler(options);
  for (let t = sampler.next(); t !== undefined; t = sampler.next()) yield t;
}
