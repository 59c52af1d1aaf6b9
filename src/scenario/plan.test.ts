import { describe, expect, it } from 'vitest';
import { loadScenario } from './loadScenario.ts';
import { buildPlan, wallDurationMs } from './plan.ts';

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
  });

  it('counts the visits it is given per series and per simulated hour', async () => {
    const { scenario } = await loadScenario('scenarios/demo.yaml');
    // Demo clock: 09:30 start, speed 60, so wall 20 s is 09:50 and wall 40 s is 10:10.
    const plan = buildPlan(scenario, { series: { registration: [{ wallMs: 0 }, { wallMs: 20_000 }, { wallMs: 40_000 }] }, counts: { registration: 3 } });
    expect(plan.traffic.visitsBySeries).toEqual({ registration: 3 });
    expect(plan.traffic.perHour).toEqual([{ hour: 9, visits: 2 }, { hour: 10, visits: 1 }]);
  });

  it('runs for the simulated duration divided by the speed', () => {
    expect(wallDurationMs({ duration: 3_600_000, speed: 60 })).toBe(60_000);
    expect(wallDurationMs({ duration: 5_400_000, speed: 450 })).toBe(12_000);
  });
});
