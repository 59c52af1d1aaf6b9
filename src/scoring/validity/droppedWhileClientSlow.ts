import type { TimelineAccumulator } from '../aggregate/TimelineAccumulator.ts';

/**
 * k6's dropped iterations that the client, not the load generator, caused. An arrival-rate executor drops an
 * iteration when every VU is busy, and a VU is busy while it waits for the client's answer: a client that
 * hangs or answers slowly holds the VUs, and its offered-but-dropped visits already count against its goodput.
 * A bucket's drops are the client's when the requests started in it took longer than the latency SLO at p95,
 * or when it has no answered request while the client was slow in the bucket before (every VU still waiting).
 */
export function droppedWhileClientSlow({ timeline, sloMs }: { timeline: Pick<TimelineAccumulator, 'size' | 'requests' | 'dropped' | 'latency'>; sloMs: number }): number {
  let held = 0;
  let slow = false;
  for (let index = 0; index < timeline.size; index += 1) {
    const requests = timeline.requests[index] ?? 0;
    if (requests > 0) slow = (timeline.latency[index]?.quantile(0.95) ?? 0) > sloMs;
    if (slow) held += timeline.dropped[index] ?? 0;
  }
  return held;
}
