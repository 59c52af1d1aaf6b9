import { describe, expect, it } from 'vitest';
import { simAt, simSpan, simSpanFrom, speedAt, timelineBuckets, wallAt, wallSpanFrom } from './incidentClock.ts';

const HOUR = 3_600_000;
// The demo's clock (scenarios/demo.yaml): 09:30 at t0, 60 simulated seconds per wall second.
const demo = { speed: 60, t0: 1_700_000_000_000, simStartMs: 9.5 * HOUR };
// Two days: 07:30 at 120x, from 14:00 at 3600x, from 07:30 of day 2 at 120x (195 s, then 17.5 s, then on).
const twoDays = { speed: 120, t0: 1_700_000_000_000, simStartMs: 7.5 * HOUR, segments: [{ fromSim: 14 * HOUR, speed: 3600 }, { fromSim: 31.5 * HOUR, speed: 120 }] };

describe('incident clock', () => {
  it('maps wall instants to simulated ms of day', () => {
    expect(simAt(demo, demo.t0)).toBe(9.5 * HOUR);
    // Wall +20 s at 60x is 09:50, the demo's fault.
    expect(simAt(demo, demo.t0 + 20_000)).toBe((9 * 60 + 50) * 60_000);
  });

  it('turns wall spans into simulated spans and back', () => {
    expect(simSpan(demo, demo.t0, demo.t0 + 15_000)).toBe(15 * 60_000);
    expect(simSpanFrom(demo, demo.t0, null)).toBeNull();
    expect(wallSpanFrom(demo, demo.t0, 60_000)).toBe(1000);
    // One speed: the timeline's buckets are one wall size, a simulated minute at 60x.
    expect(timelineBuckets(demo, demo.t0, demo.t0 + 15_000, 60_000)).toBe(1000);
  });

  it('reads a segmented clock both ways, into the second day', () => {
    expect(simAt(twoDays, twoDays.t0 + 195_000)).toBe(14 * HOUR);
    expect(simAt(twoDays, twoDays.t0 + 212_500)).toBe(31.5 * HOUR);
    // Day 2 10:00 is 2.5 h at 120x after 07:30 of day 2.
    expect(wallAt(twoDays, 34 * HOUR) - twoDays.t0).toBe(212_500 + 75_000);
    expect(speedAt(twoDays, twoDays.t0 + 200_000)).toBe(3600);
  });

  it('measures a span across segments from its two instants', () => {
    // 13:00 (wall 165 s) to wall 196 s: one hour at 120x, then one second at 3600x.
    expect(simSpan(twoDays, twoDays.t0 + 165_000, twoDays.t0 + 196_000)).toBe(2 * HOUR);
    expect(simSpanFrom(twoDays, twoDays.t0 + 165_000, 31_000)).toBe(2 * HOUR);
    expect(wallSpanFrom(twoDays, twoDays.t0 + 165_000, 2 * HOUR)).toBe(31_000);
  });

  it('cuts a segmented clock into buckets of one simulated length, shorter on the wall where the clock is faster', () => {
    // 13:58 (wall 194 s) to 14:02 (wall 195 s + 2 minutes at 3600x): four simulated minutes, two at each speed.
    const from = twoDays.t0 + 194_000;
    const to = twoDays.t0 + 195_000 + (2 * 60_000) / 3600;
    const edges = timelineBuckets(twoDays, from, to, 60_000);
    expect(edges).toBeInstanceOf(Float64Array);
    const wall = [...(edges as Float64Array)].map((edge) => edge - twoDays.t0);
    expect(wall).toHaveLength(5);
    expect(wall[0]).toBe(194_000);
    expect(wall[2]).toBeCloseTo(195_000, 2);
    // 500 ms of wall per simulated minute at 120x, 16.7 ms at 3600x.
    expect((wall[1] ?? 0) - (wall[0] ?? 0)).toBeCloseTo(500, 2);
    expect((wall[4] ?? 0) - (wall[3] ?? 0)).toBeCloseTo(60_000 / 3600, 2);
    expect(wall[4]).toBeGreaterThanOrEqual(to - twoDays.t0);
  });
});
