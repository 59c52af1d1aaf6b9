import type { PlannedFault } from '../../src/scenario/index.ts';

/** A planned `down` fault on e-Hospital for tests, at wall 0 to 0 unless the overrides say otherwise. */
export function plannedFault(overrides: Partial<PlannedFault> = {}): PlannedFault {
  return {
    id: 'f1',
    kind: 'down',
    layer: 'network',
    service: 'ehospital',
    settings: {},
    describe: 'ehospital: down',
    startSim: 0,
    endSim: 0,
    startWallMs: 0,
    endWallMs: 0,
    ...overrides,
  };
}
