import { describe, expect, it } from 'vitest';
import { drainDeadline } from './drainDeadline.ts';

// The demo's plan: 09:30 for 60 min at 60x; the deadline 60 simulated minutes after the load, 11:30.
const drain = { deadlineSim: 41_400_000, deadlineWallMs: 120_000 };
const t0 = 1_700_000_000_000;
const clock = { speed: 60, t0, simStartMs: 9.5 * 3_600_000 };

describe('drainDeadline', () => {
  it('places the deadline at t0 plus its planned wall offset, with its simulated time of day', () => {
    expect(drainDeadline({ drain, clock, loadEndAt: t0 + 61_000 })).toEqual({ at: t0 + 120_000, simMs: 41_400_000 });
  });

  it("never places it before the load's last answer, moving its simulated time by the speed", () => {
    expect(drainDeadline({ drain, clock, loadEndAt: t0 + 121_500 })).toEqual({ at: t0 + 121_500, simMs: 41_400_000 + 1_500 * 60 });
  });

  it('is null for a plan without one (older runs)', () => {
    expect(drainDeadline({ drain: undefined, clock, loadEndAt: null })).toBeNull();
  });

  it('moves a late deadline on the clock of the segment it falls in', () => {
    // The load ends at 10:30 (wall 60 s); from 10:30 the clock runs at 600x: 1.5 s late is 15 simulated minutes, not 90 s.
    const segmentedClock = { ...clock, segments: [{ fromSim: 10.5 * 3_600_000, speed: 600 }] };
    const segmentedDrain = { deadlineSim: 11.5 * 3_600_000, deadlineWallMs: 60_000 + 6_000 };
    expect(drainDeadline({ drain: segmentedDrain, clock: segmentedClock, loadEndAt: t0 + 67_500 })).toEqual({ at: t0 + 67_500, simMs: 11.5 * 3_600_000 + 1_500 * 600 });
  });
});
