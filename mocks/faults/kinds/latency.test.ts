import { describe, expect, it } from 'vitest';
import { createRng } from '../../shared/rng.ts';
import { drawLatencyMs } from './latency.ts';

describe('drawLatencyMs', () => {
  it('lognormal(median, p99): the sample median and 99th percentile land near the settings', () => {
    const rng = createRng(1);
    const draws = Array.from({ length: 20000 }, () => drawLatencyMs({ type: 'lognormal', medianMs: 20000, p99Ms: 180000 }, rng)).sort((a, b) => a - b);
    expect(draws[10000]! / 20000).toBeGreaterThan(0.95);
    expect(draws[10000]! / 20000).toBeLessThan(1.05);
    expect(draws[19800]! / 180000).toBeGreaterThan(0.85);
    expect(draws[19800]! / 180000).toBeLessThan(1.15);
  });

  it('uniform stays within [minMs, maxMs]; fixed is exact', () => {
    const rng = createRng(2);
    for (let i = 0; i < 1000; i++) {
      const value = drawLatencyMs({ type: 'uniform', minMs: 10, maxMs: 20 }, rng);
      expect(value).toBeGreaterThanOrEqual(10);
      expect(value).toBeLessThanOrEqual(20);
    }
    expect(drawLatencyMs({ type: 'fixed', ms: 42 }, rng)).toBe(42);
  });
});
