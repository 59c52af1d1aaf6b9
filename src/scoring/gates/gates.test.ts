import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import type { Report } from '../reportSchema.ts';
import { scoreRun } from '../scoreRun.ts';
import { buildRunDir } from '../../../test/support/scoring/buildRunDir.ts';
import { evaluateGates } from './evaluateGates.ts';
import { parseGate } from './parseGate.ts';
import { validateGates } from './validateGates.ts';

describe('parseGate', () => {
  it('parses metric, operator, number and unit', () => {
    expect(parseGate('recovery.ttr < 300s')).toEqual({ gate: { expr: 'recovery.ttr < 300s', metric: 'recovery.ttr', op: '<', value: 300, unit: 's' } });
    expect(parseGate(' score>=70 ')).toEqual({ gate: { expr: 'score>=70', metric: 'score', op: '>=', value: 70 } });
    expect(parseGate('phase.fault-f1.p95 <= 1.5s')).toMatchObject({ gate: { metric: 'phase.fault-f1.p95', op: '<=', value: 1.5, unit: 's' } });
  });
  it('rejects what is not a gate, saying how to write one', () => {
    for (const bad of ['score', 'score >= ', '>= 70', 'score => 70', 'score >= 70 kb', 'score >= 7e2']) {
      expect(parseGate(bad)).toMatchObject({ error: expect.stringMatching(/cannot parse gate .*e\.g\./) });
    }
  });
});

describe('validateGates', () => {
  it('accepts the documented examples', () => {
    expect(validateGates(['score >= 70', 'integrity.lost == 0', 'phase.fault.availability > 0.5', 'phase.fault.availability > 50%', 'recovery.ttr < 300s', 'nic.retryAmplification <= 2', 'recovery.metastable == 0'])).toEqual([]);
  });
  it('reports every problem at once with its gate index', () => {
    const issues = validateGates(['score >= 70', 'integrity.lots == 0', 'recovery.ttr < 300', 'phase.fault.availability > 50', 'score >= 70s', 'phase.nowhere.p95 < 1s', 'x'], { file: 's.yaml' });
    expect(issues.map((issue) => issue.path)).toEqual(['gates.1', 'gates.2', 'gates.3', 'gates.4', 'gates.5', 'gates.6']);
    expect(issues[0]?.message).toMatch(/unknown metric "integrity.lots"; known: .*integrity\.lost/);
    expect(issues[1]?.message).toMatch(/duration: give a unit, e\.g\. "recovery\.ttr < 300s"/);
    expect(issues[2]?.message).toMatch(/write 50%/);
    expect(issues[3]?.message).toMatch(/plain number/);
    expect(issues[0]?.file).toBe('s.yaml');
  });
});

describe('evaluateGates', () => {
  let report: Report;
  let runDir: string;
  beforeAll(async () => {
    ({ runDir } = await buildRunDir({
      durationMs: 60_000,
      ratePerSec: 10,
      faults: [{ id: 'f1', fromMs: 20_000, toMs: 40_000 }],
      respond: ({ inFault, index }) => (inFault ? { ok: index % 4 === 0, latencyMs: 3, outcome: index % 4 === 0 ? 'done' : 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }),
    }));
    report = await scoreRun({ runDir });
  });
  afterAll(async () => rm(runDir, { recursive: true, force: true }));

  it('compares in the unit the gate was written in', () => {
    const results = evaluateGates({ report, exprs: ['phase.fault.availability > 0.5', 'phase.fault.availability >= 25%', 'phase.baseline.p95 < 0.05s', 'phase.baseline.p95 < 19ms', 'integrity.lost == 0'] });
    expect(results.map((r) => [r.passed, r.actual])).toEqual([
      [false, 0.25],
      [true, 25],
      [true, expect.closeTo(0.02, 2)],
      [false, expect.closeTo(20, 0)],
      [true, 0],
    ]);
  });

  it("reads failFast as 0 in a phase where nothing failed (no one waited for a refusal), and as the refusals' p95 where some did", () => {
    const results = evaluateGates({ report, exprs: ['phase.baseline.failFast < 1ms', 'phase.fault.failFast < 10ms', 'phase.fault.failFast < 2ms', 'phase.fault-zz.failFast < 1s'] });
    expect(results.map((r) => [r.passed, r.actual])).toEqual([
      [true, 0],
      [true, expect.closeTo(3, 0)],
      [false, expect.closeTo(3, 0)],
      [false, null],
    ]);
  });

  it('fails a gate whose metric has no value, saying why', () => {
    const [result] = evaluateGates({ report, exprs: ['phase.fault-zz.availability > 0.5'] });
    expect(result).toMatchObject({ passed: false, actual: null, message: expect.stringMatching(/no value/) });
  });
});
