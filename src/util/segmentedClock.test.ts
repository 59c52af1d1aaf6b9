import { describe, expect, it } from 'vitest';
import { clockPieces, scaleClockSpeeds, simOfWallOffset, speedAtSim, speedAtWall, wallOffsetOf } from './segmentedClock.ts';

const HOUR = 3_600_000;
// Two busy mornings and a compressed night: 07:30 at 120x, from 14:00 at 3600x, from 07:30 of day 2 at 120x again.
const twoDays = { startSim: 7.5 * HOUR, speed: 120, segments: [{ fromSim: 14 * HOUR, speed: 3600 }, { fromSim: 31.5 * HOUR, speed: 120 }] };

describe('segmented clock', () => {
  it('is the one-speed clock when there are no segments', () => {
    const demo = { startSim: 9.5 * HOUR, speed: 60 };
    expect(wallOffsetOf(demo, 9.5 * HOUR + 20 * 60_000 * 60)).toBe(20 * 60_000);
    expect(simOfWallOffset(demo, 20_000)).toBe(9.5 * HOUR + 20_000 * 60);
    expect(clockPieces(demo)).toEqual([{ fromSim: 9.5 * HOUR, toSim: Infinity, fromWall: 0, toWall: Infinity, speed: 60 }]);
  });

  it('maps simulated to wall instants segment by segment', () => {
    // 6.5 h at 120x is 195 s; 17.5 h at 3600x is 17.5 s.
    expect(wallOffsetOf(twoDays, 14 * HOUR)).toBe(195_000);
    expect(wallOffsetOf(twoDays, 31.5 * HOUR)).toBe(212_500);
    expect(wallOffsetOf(twoDays, 34 * HOUR)).toBe(212_500 + 75_000);
    expect(wallOffsetOf(twoDays, 20 * HOUR)).toBe(195_000 + 6_000);
  });

  it('maps wall to simulated instants as the inverse, boundaries included', () => {
    for (const sim of [7.5 * HOUR, 10 * HOUR, 14 * HOUR - 1, 14 * HOUR, 14 * HOUR + 1, 24 * HOUR, 31.5 * HOUR, 38 * HOUR]) {
      expect(simOfWallOffset(twoDays, wallOffsetOf(twoDays, sim))).toBeCloseTo(sim, 6);
    }
    expect(simOfWallOffset(twoDays, 195_000)).toBe(14 * HOUR);
    expect(simOfWallOffset(twoDays, 212_500)).toBe(31.5 * HOUR);
  });

  it('gives a span across segments from its two instants, not from one speed', () => {
    // 13:00 to 15:00: one hour at 120x (30 s) and one at 3600x (1 s).
    expect(wallOffsetOf(twoDays, 15 * HOUR) - wallOffsetOf(twoDays, 13 * HOUR)).toBe(31_000);
    expect(simOfWallOffset(twoDays, 196_000) - simOfWallOffset(twoDays, 165_000)).toBe(2 * HOUR);
  });

  it('reads the speed at an instant on either clock', () => {
    expect(speedAtSim(twoDays, 13 * HOUR)).toBe(120);
    expect(speedAtSim(twoDays, 14 * HOUR)).toBe(3600);
    expect(speedAtSim(twoDays, 32 * HOUR)).toBe(120);
    expect(speedAtWall(twoDays, 194_999)).toBe(120);
    expect(speedAtWall(twoDays, 195_000)).toBe(3600);
    expect(speedAtWall(twoDays, 212_500)).toBe(120);
  });

  it('runs before its start at the first speed and stays monotonic', () => {
    expect(wallOffsetOf(twoDays, 7 * HOUR)).toBe(-15_000);
    let previous = -Infinity;
    for (let wall = 0; wall < 300_000; wall += 997) {
      const sim = simOfWallOffset(twoDays, wall);
      expect(sim).toBeGreaterThan(previous);
      previous = sim;
    }
  });

  it('builds a segment table once per segments array, start and speed', () => {
    const adapted = () => ({ startSim: twoDays.startSim, speed: twoDays.speed, segments: twoDays.segments });
    expect(clockPieces(adapted())).toBe(clockPieces(adapted()));
    const later = { ...twoDays, startSim: 8 * HOUR };
    expect(clockPieces(later)).not.toBe(clockPieces(twoDays));
    expect(clockPieces(later)[0]).toEqual({ fromSim: 8 * HOUR, toSim: 14 * HOUR, fromWall: 0, toWall: 180_000, speed: 120 });
    expect(wallOffsetOf(twoDays, 14 * HOUR)).toBe(195_000);
  });

  it('scales every speed for --speed', () => {
    expect(scaleClockSpeeds(twoDays, 0.5)).toEqual({ startSim: 7.5 * HOUR, speed: 60, segments: [{ fromSim: 14 * HOUR, speed: 1800 }, { fromSim: 31.5 * HOUR, speed: 60 }] });
  });
});
