import { describe, expect, it } from 'vitest';
import { checkGatePhases } from './checkGatePhases.ts';
import { loadScenario } from './loadScenario.ts';

const HOUR = 3_600_000;
const outage = { id: 'gateway-502', kind: 'http-status', service: 'ehospital', at: 10 * HOUR, for: 3 * HOUR };
type Faults = Parameters<typeof checkGatePhases>[0]['faults'];

describe('checkGatePhases', () => {
  it("accepts a gate on each occurrence of a repeated fault and refuses one the plan does not have", () => {
    const faults = [{ ...outage, repeat: { every: 24 * HOUR, times: 2, jitter: 0 } }] as unknown as Faults;
    const gates = ['phase.fault-gateway-502-1.availability >= 0.5', 'phase.fault-gateway-502-2.p95 <= 5s', 'phase.fault-gateway-502-3.availability >= 0.5', 'phase.fault.availability >= 0.5'];
    expect(checkGatePhases({ faults, gates })).toEqual([
      { path: 'gates.2', message: expect.stringContaining('names the phase fault-gateway-502-3, which no run of this scenario has (the scenario\'s are fault-gateway-502-1, fault-gateway-502-2)') },
    ]);
  });

  it('names the faults by their default ids, and refuses a per-fault phase when there is only one fault', () => {
    const two = [outage, { ...outage, id: undefined, at: 14 * HOUR }] as unknown as Faults;
    expect(checkGatePhases({ faults: two, gates: ['phase.fault-f2.availability >= 0.5', 'region.lucknow.phase.fault-gateway-502.availability >= 0.5'] })).toEqual([]);
    expect(checkGatePhases({ faults: [outage] as unknown as Faults, gates: ['phase.fault-gateway-502.availability >= 0.5'] })[0]?.message).toContain('with one fault the report has only phase.fault');
  });

  it("passes O2's per-day gates", async () => {
    const { scenario } = await loadScenario('scenarios/o2-crash-at-peak.yaml');
    expect(scenario.gates).toContain('phase.fault-gateway-502-2.availability >= 0.5');
    expect(checkGatePhases(scenario)).toEqual([]);
  });
});
