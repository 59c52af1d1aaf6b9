import { describe, expect, it } from 'vitest';
import { checkLoadOnPlan, LOAD_SHORTFALL_BOUND_PERCENT } from './checkLoadOnPlan.ts';

describe('load.onPlan', () => {
  it('passes a run that started its planned visits, within the bound', () => {
    const check = checkLoadOnPlan({ plannedVisits: 1800, startedVisits: 1790, droppedIterations: 3 });
    expect(check).toMatchObject({ name: 'load.onPlan', passed: true, figure: 0.6, bound: LOAD_SHORTFALL_BOUND_PERCENT, unit: '%' });
    expect(check.message).toBe("k6 started 1790 of 1800 planned visits (3 dropped iterations; 0.6% short for the harness's reasons); bound 5%");
  });

  it('fails a load generator that fell behind its plan', () => {
    const check = checkLoadOnPlan({ plannedVisits: 1800, startedVisits: 1500, droppedIterations: 300 });
    expect(check).toMatchObject({ passed: false, figure: 16.7 });
    expect(check.message).toContain('the load generator fell behind its plan');
  });

  it('counts iterations dropped while a slow client held every VU against the client, not the run', () => {
    const check = checkLoadOnPlan({ plannedVisits: 1800, startedVisits: 1500, droppedIterations: 300, droppedByClient: 280 });
    expect(check).toMatchObject({ passed: true, figure: 1.1 });
    expect(check.message).toContain('280 of them while the slow client held every VU');
  });

  it('is not the harness\'s fault when the client failed its health check (no load on purpose)', () => {
    expect(checkLoadOnPlan({ plannedVisits: 1800, startedVisits: 0, droppedIterations: 0, clientHealthy: false })).toMatchObject({ passed: true, figure: null });
  });

  it('measures nothing without planned visits', () => {
    expect(checkLoadOnPlan({ startedVisits: 10, droppedIterations: 0 })).toMatchObject({ passed: true, figure: null });
  });
});
