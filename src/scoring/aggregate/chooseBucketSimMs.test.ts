import { describe, expect, it } from 'vitest';
import { chooseBucketSimMs } from './TimelineAccumulator.ts';

describe('chooseBucketSimMs', () => {
  it('resolves one simulated minute on the shipped scenarios, whatever their speed', () => {
    // demo: 1 h; O13: 17 h; O2: two days' working hours, about 32 h (scenarios/*.yaml).
    expect(chooseBucketSimMs(3_600_000)).toBe(60_000);
    expect(chooseBucketSimMs(17 * 3_600_000)).toBe(60_000);
    expect(chooseBucketSimMs(32.3 * 3_600_000)).toBe(60_000);
  });

  it('widens to whole simulated minutes past 3,000 buckets', () => {
    expect(chooseBucketSimMs(50 * 3_600_000)).toBe(60_000);
    expect(chooseBucketSimMs(72 * 3_600_000)).toBe(120_000);
  });
});
