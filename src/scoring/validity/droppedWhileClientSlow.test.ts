import { describe, expect, it } from 'vitest';
import { SeriesLoadAccumulator } from '../aggregate/SeriesLoadAccumulator.ts';
import { droppedWhileClientSlow } from './droppedWhileClientSlow.ts';

type Bucket = { latencyMs?: number; requests?: number; dropped: number };

function load(bySeries: Record<string, Bucket[]>, sloMs: number): SeriesLoadAccumulator {
  const size = Math.max(...Object.values(bySeries).map((buckets) => buckets.length));
  const acc = new SeriesLoadAccumulator(size);
  for (const [series, buckets] of Object.entries(bySeries)) {
    buckets.forEach((bucket, index) => {
      if (bucket.dropped > 0) acc.addDropped(series, index, bucket.dropped);
      for (let n = 0; n < (bucket.requests ?? 0); n += 1) acc.addRequest(series, index, (bucket.latencyMs ?? 0) <= sloMs);
    });
  }
  return acc;
}

describe('droppedWhileClientSlow', () => {
  it('counts the drops of buckets where the client answered over the SLO, and of empty buckets that follow them', () => {
    const series = load(
      {
        registration: [
          { requests: 10, latencyMs: 5, dropped: 2 }, // a fast client: the load generator's drops
          { requests: 10, latencyMs: 9_000, dropped: 30 }, // hanging: every VU waits
          { dropped: 40 }, // nothing answered, still hanging
          { requests: 10, latencyMs: 5, dropped: 1 }, // back to fast
          { dropped: 7 }, // nothing answered after a fast bucket: not the client's
        ],
      },
      2000,
    );
    expect(droppedWhileClientSlow({ series })).toBe(70);
  });

  it("judges each series by its own requests: a client slow on collections holds the collection VUs while the run's p95 looks well", () => {
    // Nineteen fast registrations to each slow collection: the run's p95 is within the SLO in every bucket.
    const series = load(
      {
        registration: [
          { requests: 190, latencyMs: 5, dropped: 0 },
          { requests: 190, latencyMs: 5, dropped: 3 }, // the load generator's: registrations are fast
        ],
        collection: [
          { requests: 8, latencyMs: 6_000, dropped: 50 },
          { dropped: 60 }, // every collection VU still waiting
        ],
      },
      2000,
    );
    expect(droppedWhileClientSlow({ series })).toBe(110);
  });
});
