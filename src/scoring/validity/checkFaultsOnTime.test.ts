import { describe, expect, it } from 'vitest';
import type { LoggedFault } from '../runFiles/readFaults.ts';
import { checkFaultsOnTime } from './checkFaultsOnTime.ts';

const fault = (applyDriftMs: number | null, removeDriftMs: number | null): LoggedFault => ({ faultId: 'f1', kind: 'down', service: 'ehospital', describe: '', appliedAt: 1, removedAt: 2, ok: true, applyDriftMs, removeDriftMs });

describe('faults.onTime', () => {
  it('bounds drift by the larger of 2 s wall and 2 simulated minutes', () => {
    expect(checkFaultsOnTime({ faults: [], speed: 60 }).bound).toBe(2000);
    expect(checkFaultsOnTime({ faults: [], speed: 30 }).bound).toBe(4000);
    expect(checkFaultsOnTime({ faults: [], speed: 120 }).bound).toBe(2000);
  });

  it('passes the worst drift within the bound, stating it in wall ms and simulated terms', () => {
    const check = checkFaultsOnTime({ faults: [fault(18, 4)], speed: 60 });
    expect(check).toMatchObject({ name: 'faults.onTime', passed: true, figure: 18, unit: 'ms' });
    expect(check.message).toBe('worst drift +18 ms wall (1 simulated s) at the apply of f1; bound 2000 ms (2 simulated min at 60x)');
  });

  it('fails a fault applied or removed late (or early) beyond the bound', () => {
    const check = checkFaultsOnTime({ faults: [fault(12, -2600)], speed: 60 });
    expect(check).toMatchObject({ passed: false, figure: 2600 });
    expect(check.message).toContain('worst drift -2600 ms wall (2.6 simulated min) at the remove of f1');
  });

  it('measures nothing without drift figures', () => {
    expect(checkFaultsOnTime({ faults: [fault(null, null)], speed: 60 })).toMatchObject({ passed: true, figure: null });
  });
});
