import type { Faker } from '@faker-js/faker';
import type { Segment } from '../profiles/profileDefinition.ts';

const msPerHour = 3_600_000;

/**
 * Arrival times (ms since 00:00 of the simulated day) of `count` arrivals in ascending order, one at a time.
 *
 * A non-homogeneous Poisson process with rate proportional to the segments' curve, conditioned on `count`
 * arrivals in the day, places its arrivals as the order statistics of `count` independent draws from the
 * curve's density. We draw those order statistics directly in ascending order (the uniform spacing recurrence
 * X(i+1) = 1 - (1 - X(i)) * V^(1/(n-i)), V uniform) and map each through the curve's inverse CDF, so no array
 * of times is ever held and the output is already sorted.
 */
export function* orderedArrivals({ faker, count, segments }: { faker: Faker; count: number; segments: readonly Segment[] }): Generator<number> {
  const total = segments.reduce((sum, s) => sum + s.percent, 0);
  const cumulative = segments.map(
    (
      (acc) => (s: Segment) =>
        (acc += s.percent / total)
    )(0),
  );
  let x = 0;
  let segment = 0;
  for (let i = 0; i < count; i += 1) {
    const v = faker.number.float();
    x = 1 - (1 - x) * Math.pow(1 - v, 1 / (count - i));
    while (segment < segments.length - 1 && x > (cumulative[segment] as number)) segment += 1;
    const s = segments[segment] as Segment;
    const before = segment === 0 ? 0 : (cumulative[segment - 1] as number);
    const width = (cumulative[segment] as number) - before;
    const within = width > 0 ? Math.min(1, Math.max(0, (x - before) / width)) : 0;
    yield Math.floor((s.fromHour + within * (s.toHour - s.fromHour)) * msPerHour);
  }
}
