import type { SeriesLoadAccumulator } from '../aggregate/SeriesLoadAccumulator.ts';

/** A series' requests in a bucket were slow at p95 when more than this share took longer than the SLO. */
const SLOW_SHARE = 0.05;

/**
 * k6's dropped iterations that the client, not the load generator, caused. An arrival-rate executor drops an
 * iteration when every VU of its series is busy, and a VU is busy while it waits for the client's answer: a
 * client that hangs or answers slowly holds the VUs, and its offered-but-dropped visits already count against
 * its goodput. Judged per series (k6 scenario), as k6 gives each its own VUs: a series' drops in a bucket are the
 * client's when that series' requests started in it took longer than the latency SLO at p95, or when it has no
 * answered request while the series was slow in the bucket before (every VU still waiting). A client slow on
 * sample collections only drops collection visits while the run's latency as a whole looks well.
 */
export function droppedWhileClientSlow({ series }: { series: Pick<SeriesLoadAccumulator, 'size' | 'series'> }): number {
  let held = 0;
  for (const buckets of series.series().values()) {
    let slow = false;
    for (let index = 0; index < series.size; index += 1) {
      const requests = buckets.requests[index] ?? 0;
      if (requests > 0) slow = (buckets.overSlo[index] ?? 0) / requests > SLOW_SHARE;
      if (slow) held += buckets.dropped[index] ?? 0;
    }
  }
  return held;
}
