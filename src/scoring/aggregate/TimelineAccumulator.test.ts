import { describe, expect, it } from 'vitest';
import { TimelineAccumulator } from './TimelineAccumulator.ts';

describe('TimelineAccumulator.addNicWait', () => {
  it('spreads a wait in a NIC queue over the buckets it spans, clipped to the run', () => {
    const timeline = new TimelineAccumulator(0, 3000, 1000);
    timeline.addNicWait(500, 2200);
    timeline.addNicWait(2900, 4000);
    timeline.addNicWait(-500, 100);
    expect([...timeline.nicQueuedMs]).toEqual([600, 1000, 300]);
  });
});

describe('TimelineAccumulator on given bucket edges', () => {
  // Three buckets of one simulated length: 1 s of wall, then two of 100 ms (a clock ten times faster).
  const timeline = () => new TimelineAccumulator(0, 1150, Float64Array.from([0, 1000, 1100, 1200]));

  it('finds each instant in its own bucket, in order or not, and none outside the run', () => {
    const acc = timeline();
    expect([0, 999, 1000, 1099, 1100, 1149].map((t) => acc.bucketOf(t))).toEqual([0, 0, 1, 1, 2, 2]);
    expect([1050, 10, 1120].map((t) => acc.bucketOf(t))).toEqual([1, 0, 2]);
    expect([-1, 1150].map((t) => acc.bucketOf(t))).toEqual([-1, -1]);
  });

  it('gives every bucket its own wall length and spreads a NIC wait by it', () => {
    const acc = timeline();
    expect([0, 1, 2].map((index) => acc.bucketWallMs(index))).toEqual([1000, 100, 100]);
    expect(acc.bucketEnd(2)).toBe(1200);
    acc.addNicWait(900, 1150);
    expect([...acc.nicQueuedMs]).toEqual([100, 100, 50]);
  });
});
