import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/loadScenario.ts';
import { describePlan } from '../scenario/plan.ts';
import { planRun } from './planRun.ts';

describe('planRun', () => {
  it('maps the demo to both clocks and describes each part in one line', async () => {
    const { scenario } = await loadScenario('scenarios/demo.yaml');
    const { plan, load } = planRun(scenario);
    expect(load.counts).toEqual({ registration: 1_800 });
    expect(plan.clock.wallDurationMs).toBe(60_000);
    expect(plan.traffic.visitsBySeries).toEqual({ registration: 1_800 });
    expect(plan.traffic.perHour).toEqual([{ hour: 9, visits: 900 }, { hour: 10, visits: 900 }]);
    expect(plan.faults[0]).toMatchObject({ id: 'ehospital-down', startWallMs: 20_000, endWallMs: 35_000, layer: 'network' });
    expect(describePlan(plan)).toEqual([
      expect.stringMatching(/^scenario demo \(sha256:[0-9a-f]{12}…, seed 42\)$/),
      'clock    2024-02-19 09:30 to 10:30 simulated, speed 60x, 1m wall',
      'traffic  opd-registration: 0.5/s simulated = 30/s wall, constant arrival rate',
      'visits   registration 1800',
      '  09:00      900  (wall +0s)',
      '  10:00      900  (wall +30s)',
      'fault    ehospital-down 09:50-10:05 (wall +20s to +35s): ehospital: down: connections refused',
      'drain    writes at NIC by 11:30 simulated (load end + 1h; wall +2m), else undelivered',
      'gate     phase.baseline.availability >= 0.95',
      'gate     integrity.lost == 0',
      'gate     integrity.duplicated == 0',
      'gate     nic.retryAmplificationFromFault <= 5',
      'gate     integrity.undelivered == 0',
      'gate     phase.fault.p95 <= 5s',
    ]);
  });

});
