import { describe, expect, it } from 'vitest';
import type { Report } from '../reportSchema.ts';
import { evaluateGates } from './evaluateGates.ts';
import { findGateMetric } from './gateMetrics.ts';
import { validateGates } from './validateGates.ts';

const counts = (requests: number, successes: number, failed: number) => ({ requests, successes, availability: requests > 0 ? successes / requests : null, outcomes: { done: successes, queued: 0, failed } });

/** Only what the region gates read: the phases with their per-region figures. */
const report = {
  phases: [
    { name: 'baseline', regions: { lucknow: counts(50, 50, 0), tirupati: counts(20, 20, 0) } },
    { name: 'fault', regions: { lucknow: counts(70, 70, 0), tirupati: counts(30, 0, 30) } },
  ],
} as unknown as Report;

describe('gates on client regions', () => {
  it('reads a region\'s figures in a phase', () => {
    expect(findGateMetric('region.tirupati.phase.fault.availability')?.read(report)).toBe(0);
    expect(findGateMetric('region.lucknow.phase.fault.availability')?.read(report)).toBe(1);
    expect(findGateMetric('region.tirupati.phase.fault.failed')?.read(report)).toBe(30);
    expect(findGateMetric('region.delhi.phase.fault.availability')?.read(report)).toBeNull();
  });

  it('validates region gates like the others: a known metric, a ratio unit', () => {
    expect(validateGates(['region.lucknow.phase.fault.availability >= 95%', 'region.tirupati.phase.fault.failed > 0'])).toEqual([]);
    expect(validateGates(['region.lucknow.phase.fault.colour > 1'])[0]?.message).toContain('region.<region>.phase.<phase>.availability');
    expect(validateGates(['region.Lucknow.phase.fault.availability > 0.5'])).toHaveLength(1);
  });

  it('passes "one region\'s clients time out; others fine" and fails it the other way round', () => {
    const results = evaluateGates({ report: { ...report, gates: [] } as Report, exprs: ['region.lucknow.phase.fault.availability >= 95%', 'region.tirupati.phase.fault.availability >= 95%'] });
    expect(results.map((gate) => gate.passed)).toEqual([true, false]);
  });
});
