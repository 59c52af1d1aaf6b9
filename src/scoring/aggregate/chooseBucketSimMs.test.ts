import { describe, expect, it } from 'vitest';
import { chooseBucketSimMs } from './TimelineAccumulator.ts';

describe('chooseBucketSimMs', () => {
  it('resolves one simulated minute on the shipped scenarios, whatever their speed', () => {
    // demo: 1 h; O13: 17 h (scenarios/*.yaml).
    expect(chooseBucketSimMs(3_600_000)).toBe(60_000);
    expect(chooseBucketSimMs(17 * 3_600_000)).toBe(60_000);
  });

  it('widens to whole simulated minutes past 1,500 buckets', () => {
    expect(chooseBucketSimMs(48 * 3_600_000)).toBe(120_000);
  });
});
