import { describe, expect, it } from 'vitest';
import { drainTail } from './drainTail.ts';

const t0 = 1_700_000_000_000;

describe('drainTail', () => {
  it("is the drain's last tenth on the incident's clock: O1 at 120x, an hour after the load, is its last 6 simulated minutes (3 wall seconds)", () => {
    const clock = { speed: 120, t0, simStartMs: 7.5 * 3_600_000 };
    expect(drainTail({ clock, loadEnd: t0 + 120_000, deadlineAt: t0 + 150_000 })).toEqual({ from: t0 + 147_000, to: t0 + 150_000, simMs: 360_000 });
  });

  it('reads a segmented clock by simulated time, not by wall seconds', () => {
    // From 08:00 the clock runs at 600x: the drain 08:00 to 09:00 is 6 wall seconds, its last tenth 0.6.
    const clock = { speed: 60, t0, simStartMs: 7 * 3_600_000, segments: [{ fromSim: 8 * 3_600_000, speed: 600 }] };
    expect(drainTail({ clock, loadEnd: t0 + 60_000, deadlineAt: t0 + 66_000 })).toEqual({ from: t0 + 65_400, to: t0 + 66_000, simMs: 360_000 });
  });

  it('is empty when the deadline falls at the end of the load', () => {
    const clock = { speed: 60, t0, simStartMs: 0 };
    expect(drainTail({ clock, loadEnd: t0 + 60_000, deadlineAt: t0 + 60_000 })).toEqual({ from: t0 + 60_000, to: t0 + 60_000, simMs: 0 });
  });
});
