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

  it('holds the busiest full window as the peak after the events age out, ignoring a young meter\'s first burst', () => {
    let now = 0;
    const meter = new RateMeter(10_000, () => now);
    now = 500;
    meter.record(30); // a burst in the first second: 30/s on a young meter, not a normal rate
    now = 1000;
    expect(meter.peakRate()).toBe(0);
    for (let second = 1; second <= 20; second++) {
      now = second * 1000;
      meter.record(second <= 10 ? 2 : 5);
      meter.peakRate();
    }
    now = 20_000;
    expect(meter.peakRate()).toBeCloseTo(5, 5);
    now = 60_000; // the counters closed: nothing incoming, the peak stays
    expect(meter.rate()).toBe(0);
    expect(meter.peakRate()).toBeCloseTo(5, 5);
  });
});
