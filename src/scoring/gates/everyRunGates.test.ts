import { describe, expect, it } from 'vitest';
import { EVERY_RUN_GATES, withEveryRunGates } from './everyRunGates.ts';
import { validateGates } from './validateGates.ts';

describe('gates every run gets', () => {
  it('are valid gate expressions', () => {
    expect(validateGates([...EVERY_RUN_GATES])).toEqual([]);
  });

  it('follow the scenario gates and skip one the scenario already states', () => {
    const gates = withEveryRunGates(['phase.baseline.availability >= 0.95', 'integrity.lost==0']);
    expect(gates.slice(0, 2)).toEqual(['phase.baseline.availability >= 0.95', 'integrity.lost==0']);
    expect(gates.filter((gate) => gate.replace(/\s/g, '') === 'integrity.lost==0')).toHaveLength(1);
    expect(gates).toHaveLength(2 + EVERY_RUN_GATES.length - 1);
  });
});
