import { describe, expect, it } from 'vitest';
import { createServiceTimes, oneSpeedTimes } from './serviceTimes.ts';

const HOUR = 3_600_000;
// 09:00 at 60x, from 10:00 at 600x: the change is one wall minute after the start.
const clock = { startSim: 9 * HOUR, speed: 60, segments: [{ fromSim: 10 * HOUR, speed: 600 }] };
const T0 = 1_700_000_000_000;

function started() {
  const times = createServiceTimes(clock);
  times.start(T0);
  return times;
}

describe('service times on a segmented clock', () => {
  it('serves a one-speed clock, or none, as given', () => {
    expect(createServiceTimes(undefined)).toBe(oneSpeedTimes);
    const oneSpeed = createServiceTimes({ startSim: 9 * HOUR, speed: 60 });
    expect(oneSpeed.delayMs(123.456, T0)).toBe(123.456);
    expect(oneSpeed.delaySec(0.1, T0)).toBe(0.1);
    expect(oneSpeed.ratePerSec(7.5, T0)).toBe(7.5);
  });

  it("turns NIC's own simulated lifetimes into wall time: at the clock's speed, per segment, or as given with no clock", () => {
    expect(oneSpeedTimes.simDelayMs(15 * 60_000)).toBe(15 * 60_000);
    expect(createServiceTimes({ startSim: 9 * HOUR, speed: 90 }).simDelayMs(15 * 60_000, T0)).toBe(10_000);
    const times = started();
    // An hour from 09:10 (10 s in): 50 s to 10:00 at 60x, then 10 minutes at 600x (1 s).
    expect(times.simDelayMs(60 * 60_000, T0 + 10_000)).toBeCloseTo(51_000, 9);
  });

  it('turns a delay into the wall time of the same simulated delay in the segment it falls in', () => {
    const times = started();
    // 2 s wall at 60x is 2 simulated minutes: 2 s in the first segment, 200 ms in the second.
    expect(times.delayMs(2_000, T0 + 10_000)).toBeCloseTo(2_000, 9);
    expect(times.delayMs(2_000, T0 + 70_000)).toBeCloseTo(200, 9);
    expect(times.delaySec(1_800, T0 + 70_000)).toBeCloseTo(180, 9);
  });

  it('lands a delay that crosses the segment change at its simulated time', () => {
    const times = started();
    // At 09:59 (wall 59 s) a 2-minute delay ends at 10:01: 1 s of wall to 10:00 at 60x, then 100 ms at 600x.
    expect(times.delayMs(2_000, T0 + 59_000)).toBeCloseTo(1_100, 9);
  });

  it('scales a rate with the speed of the moment', () => {
    const times = started();
    expect(times.ratePerSec(5, T0 + 59_999)).toBe(5);
    expect(times.ratePerSec(5, T0 + 60_000)).toBe(50);
  });

  it('holds the clock at its start until the run says when it started', () => {
    const times = createServiceTimes(clock);
    expect(times.describe(T0)).toEqual({ segmented: true, started: false, simMs: 9 * HOUR, speed: 60 });
    expect(times.ratePerSec(5, T0 + 120_000)).toBe(5);
    times.start(T0);
    expect(times.describe(T0 + 120_000)).toEqual({ segmented: true, started: true, simMs: 20 * HOUR, speed: 600 });
  });
});
