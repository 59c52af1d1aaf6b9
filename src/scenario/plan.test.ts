import { describe, expect, it } from 'vitest';
import { loadScenario } from './loadScenario.ts';
import { buildPlan, describePlan, wallDurationMs } from './plan.ts';

/** No visits: the fingerprint and the clocks do not depend on them. */
const noVisits = { series: {}, counts: {} };

describe('buildPlan', () => {
  it('gives the same fingerprint for the same scenario whatever the seed and the client, and another for a changed one', async () => {
    const { scenario } = await loadScenario('scenarios/demo.yaml');
    const same = buildPlan({ ...scenario, seed: 7 }, noVisits).scenario.fingerprint;
    expect(same).toBe(buildPlan(scenario, noVisits).scenario.fingerprint);
    const changed = buildPlan({ ...scenario, clock: { ...scenario.clock, speed: 30 } }, noVisits).scenario.fingerprint;
    expect(changed).not.toBe(same);
    // Another vendor's client on the same scenario: a fair comparison, so the same fingerprint.
    const otherClient = buildPlan({ ...scenario, client: { ...scenario.client, command: ['node', 'vendor-b.js'] } }, noVisits).scenario.fingerprint;
    expect(otherClient).toBe(same);
    // The drain deadline is a rule of the verdict, so it is part of what the fingerprint compares.
    const otherDeadline = buildPlan({ ...scenario, client: { ...scenario.client, drainDeadline: 600_000 } }, noVisits).scenario.fingerprint;
    expect(otherDeadline).not.toBe(same);
  });

  it('puts the drain deadline on both clocks: the load\'s end plus client.drainDeadline (default 60 simulated minutes)', async () => {
    const { scenario } = await loadScenario('scenarios/demo.yaml');
    expect(scenario.client.drainDeadline).toBe(3_600_000);
    // Demo: 09:30 + 60 min of load + 60 min = 11:30 simulated; at 60x, wall +2 min from t0.
    const plan = buildPlan(scenario, noVisits);
    expect(plan.drain).toEqual({ afterLoadSim: 3_600_000, deadlineSim: 41_400_000, deadlineWallMs: 120_000 });
    expect(describePlan(plan)).toContain('drain    writes at NIC by 11:30 simulated (load end + 1h; wall +2m), else undelivered');
    const night = buildPlan({ ...scenario, clock: { start: 79_200_000, duration: 7_200_000, speed: 450 }, client: { ...scenario.client, drainDeadline: 5_400_000 } }, noVisits);
    expect(night.drain).toEqual({ afterLoadSim: 5_400_000, deadlineSim: 91_800_000, deadlineWallMs: 28_000 });
  });

  it('warns in the dry run when a fault\'s scored recovery runs where the clock is faster than the client\'s time scale', async () => {
    const { scenario } = await loadScenario('scenarios/demo.yaml');
    const faultEnd = Math.max(...buildPlan(scenario, noVisits).faults.map((fault) => fault.endSim));
    const warnings = (segmentFrom: number) =>
      describePlan(buildPlan({ ...scenario, clock: { ...scenario.clock, segments: [{ from: segmentFrom, speed: 600 }] } }, noVisits)).filter((line) => line.startsWith('warning'));
    expect(warnings(faultEnd + 10 * 60_000)).toEqual([expect.stringContaining("run into the clock's 600x")]);
    expect(warnings(faultEnd + 30 * 60_000)).toEqual([]);
  });

  it('counts the visits it is given per series and per simulated hour', async () => {
    const { scenario } = await loadScenario('scenarios/demo.yaml');
    // Demo clock: 09:30 start, speed 60, so wall 20 s is 09:50 and wall 40 s is 10:10.
    const plan = buildPlan(scenario, { series: { registration: [{ wallMs: 0 }, { wallMs: 20_000 }, { wallMs: 40_000 }] }, counts: { registration: 3 } });
    expect(plan.traffic.visitsBySeries).toEqual({ registration: 3 });
    expect(plan.traffic.perHour).toEqual([{ hour: 9, visits: 2 }, { hour: 10, visits: 1 }]);
  });

  it('runs for the simulated duration divided by the speed', () => {
    expect(wallDurationMs({ start: 9 * 3_600_000, duration: 3_600_000, speed: 60 })).toBe(60_000);
    expect(wallDurationMs({ start: 9 * 3_600_000, duration: 5_400_000, speed: 450 })).toBe(12_000);
  });

  it('runs each clock segment at its own speed', () => {
    // 07:30-14:00 at 120x (195 s), 14:00-07:30+1d at 3600x (17.5 s), then 07:30-14:00 of day 2 at 120x (195 s).
    const segments = [{ from: 14 * 3_600_000, speed: 3600 }, { from: 31.5 * 3_600_000, speed: 120 }];
    expect(wallDurationMs({ start: 7.5 * 3_600_000, duration: 30.5 * 3_600_000, speed: 120, segments })).toBe(407_500);
  });
});
