import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latencyHistogram.ts';

describe('LatencyHistogram', () => {
  it('gives percentiles within 2% of the exact ones', () => {
    const histogram = new LatencyHistogram();
    const values: number[] = [];
    for (let i = 1; i <= 10_000; i += 1) {
      const value = (i * 7919) % 5000 + 0.5;
      values.push(value);
      histogram.add(value);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = values[Math.ceil(q * values.length) - 1] ?? 0;
      expect(Math.abs((histogram.quantile(q) ?? 0) - exact) / exact).toBeLessThan(0.02);
    }
  });

  it('is null when empty and never above the largest value', () => {
    const histogram = new LatencyHistogram();
    expect(histogram.quantile(0.5)).toBeNull();
    histogram.add(12);
    expect(histogram.quantile(0.99)).toBeLessThanOrEqual(12);
    expect(histogram.quantile(0.99)).toBeGreaterThan(11.7);
  });
});
