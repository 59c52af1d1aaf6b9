import { describe, expect, it } from 'vitest';
import { TimelineAccumulator } from '../aggregate/TimelineAccumulator.ts';
import { droppedWhileClientSlow } from './droppedWhileClientSlow.ts';

function timeline(buckets: Array<{ latencyMs?: number; requests?: number; dropped: number }>): TimelineAccumulator {
  const acc = new TimelineAccumulator(0, buckets.length * 1000, 1000);
  buckets.forEach((bucket, index) => {
    acc.dropped[index] = bucket.dropped;
    for (let n = 0; n < (bucket.requests ?? 0); n += 1) {
      acc.requests[index] = (acc.requests[index] ?? 0) + 1;
      acc.latency[index]?.add(bucket.latencyMs ?? 0);
    }
  });
  return acc;
}

describe('droppedWhileClientSlow', () => {
  it('counts the drops of buckets where the client answered over the SLO, and of empty buckets that follow them', () => {
    const acc = timeline([
      { requests: 10, latencyMs: 5, dropped: 2 }, // a fast client: the load generator's drops
      { requests: 10, latencyMs: 9_000, dropped: 30 }, // hanging: every VU waits
      { dropped: 40 }, // nothing answered, still hanging
      { requests: 10, latencyMs: 5, dropped: 1 }, // back to fast
      { dropped: 7 }, // nothing answered after a fast bucket: not the client's
    ]);
    expect(droppedWhileClientSlow({ timeline: acc, sloMs: 2000 })).toBe(70);
  });
});
