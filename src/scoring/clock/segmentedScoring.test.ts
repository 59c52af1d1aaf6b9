import { afterAll, describe, expect, it } from 'vitest';
import { cleanFixtures, scoreFixture } from '../../../test/support/scoring/scoreFixture.ts';

afterAll(cleanFixtures);

const MINUTE = 60_000;

/**
 * A two-segment incident: 09:00 at 60x for 30 wall seconds (to 09:30), then 600x (30 wall seconds more are
 * 300 simulated minutes, to 14:30). NIC is down 09:10-09:20 (wall 10-20 s). The client sends 30 requests per
 * wall second throughout: 0.5 per simulated second in the first segment, a tenth of that in the second.
 */
async function twoSegmentRun({ segmentFrom = 9.5 * 60 * MINUTE, driftMs = 0, faultToMs = 20_000 }: { segmentFrom?: number; driftMs?: number; faultToMs?: number } = {}) {
  return (
    await scoreFixture({
      durationMs: 60_000,
      ratePerSec: 30,
      fullK6Rows: true,
      clock: { startSim: 9 * 60 * MINUTE, speed: 60 },
      plan: { clock: { startSim: 9 * 60 * MINUTE, speed: 60, segments: [{ fromSim: segmentFrom, speed: 600 }] } },
      faults: [{ id: 'down', fromMs: 10_000, toMs: faultToMs, driftMs }],
      respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 4, outcome: 'failed' } : { ok: true, latencyMs: 15, outcome: 'done' }),
    })
  ).report;
}

describe('scoring on a segmented clock', () => {
  it('reads phases, faults and spans on the true simulated clock across the segment boundary', async () => {
    const report = await twoSegmentRun();
    expect(report.clock.segments).toEqual([{ fromSim: 9.5 * 60 * MINUTE, speed: 600 }]);
    expect(report.faults[0]).toMatchObject({ simAppliedAt: (9 * 60 + 10) * MINUTE, simRemovedAt: (9 * 60 + 20) * MINUTE });
    expect(report.phases.find((phase) => phase.name === 'fault')).toMatchObject({ durationMs: 10 * MINUTE });
    // 09:20 to 14:30: 10 minutes at 60x, then 300 at 600x; one speed would say 40 minutes (40 s x 60).
    expect(report.phases.find((phase) => phase.name === 'recovery')).toMatchObject({ simStart: (9 * 60 + 20) * MINUTE, simEnd: (14 * 60 + 30) * MINUTE, durationMs: 310 * MINUTE });
  });

  it('warns that the recovery is scored where the client keeps another clock: 600x from 09:30, ten minutes after the fault', async () => {
    const report = await twoSegmentRun();
    expect(report.warnings.find((warning) => warning.startsWith('fault down (09:10 to 09:20)'))).toContain("the clock's 600x from 09:30, not its 60x");
  });

  it('reads the fault where the scenario placed it: a segment 30 minutes after the fault, removed half a wall second late, is no warning', async () => {
    const report = await twoSegmentRun({ segmentFrom: (9 * 60 + 50) * MINUTE, driftMs: 500 });
    expect(report.warnings.filter((warning) => warning.startsWith('fault '))).toEqual([]);
  });

  it('cuts the timeline into buckets of one simulated minute in every segment', async () => {
    const report = await twoSegmentRun();
    // One simulated minute is 1 s of wall at 60x (the clock's speed) and 100 ms at 600x.
    expect(report.settings.bucketMs).toBe(MINUTE);
    expect(report.timeline.bucketWallMs).toBe(1000);
    expect(report.timeline.tSim[29]).toBe((9 * 60 + 29) * MINUTE);
    expect(report.timeline.tSim[31]).toBe((9 * 60 + 31) * MINUTE);
    expect((report.timeline.t[31] ?? 0) - (report.timeline.t[30] ?? 0)).toBeCloseTo(100, 6);
    // 30 simulated minutes at 60x, then 300 at 600x.
    expect(report.timeline.t).toHaveLength(330);
    const arrivals = report.timeline.arrivals ?? [];
    // 30 visits a wall second: 30 per simulated minute at 60x, 3 at 600x.
    expect(arrivals[5]).toBeCloseTo(30, 6);
    expect(arrivals[180]).toBeCloseTo(3, 6);
  });

  it('times recovery to the simulated minute in a fast segment, not to a bucket sized at the slow speed', async () => {
    // The whole fault at 600x (from 09:05): it ends 50 ms of wall (half a simulated minute) past a wall second.
    const report = await twoSegmentRun({ segmentFrom: (9 * 60 + 5) * MINUTE, faultToMs: 20_050 });
    // The client answers well from the fault's end: recovery is read at the next bucket, under a simulated minute
    // later (a 1 s wall bucket, sized at 60x, would read 9.5 simulated minutes).
    expect(report.recovery.ttrMs).not.toBeNull();
    expect(report.recovery.ttrMs ?? Infinity).toBeLessThan(MINUTE);
  });
});
