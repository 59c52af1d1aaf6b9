import { describe, expect, it } from 'vitest';
import { RateMeter } from './rateMeter.ts';

describe('RateMeter', () => {
  it('measures events per second over a sliding window on an injected clock', () => {
    let now = 0;
    const meter = new RateMeter(10_000, () => now);
    for (let second = 0; second < 10; second++) {
      now = second * 1000 + 500;
      meter.record(4);
    }
    now = 10_000;
    expect(meter.rate()).toBeCloseTo(4, 5);
    expect(meter.rate(2000)).toBeCloseTo(4, 5);
    now = 15_000;
    expect(meter.rate()).toBeCloseTo(2, 5); // events at 5.5 s..9.5 s (20) are still inside the 10 s window
    now = 30_000;
    expect(meter.rate()).toBe(0);
  });

  it('divides by the time observed so far when the window is not yet full', () => {
    let now = 0;
    const meter = new RateMeter(60_000, () => now);
    now = 1500;
    meter.record(6);
    now = 2000;
    expect(meter.rate()).toBeCloseTo(3, 5);
  });
});
