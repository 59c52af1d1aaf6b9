import type { GateResult, Report } from '../reportSchema.ts';
import { findGateMetric } from './gateMetrics.ts';
import { compare, parseGate, type GateUnit } from './parseGate.ts';
import { checkUnit } from './validateGates.ts';

const MS_PER: Record<Exclude<GateUnit, '%'>, number> = { ms: 1, s: 1000, m: 60_000 };

/**
 * Evaluates gates against a report. `actual` is given in the unit the gate was written in (seconds for
 * `recovery.ttr < 300s`, percent for `> 50%`). A metric with no value (no fault phase, never recovered) fails
 * its gate with a message saying so; an invalid gate fails with its validation message.
 * Uses `exprs` when given, else the expressions already in `report.gates`.
 */
export function evaluateGates({ report, exprs }: { report: Report; exprs?: string[] }): GateResult[] {
  return (exprs ?? report.gates.map((gate) => gate.expr)).map((expr) => evaluateOne({ report, expr }));
}

function evaluateOne({ report, expr }: { report: Report; expr: string }): GateResult {
  const parsed = parseGate(expr);
  if ('error' in parsed) return { expr, passed: false, actual: null, message: parsed.error };
  const { gate } = parsed;
  const metric = findGateMetric(gate.metric);
  if (!metric) return { expr, passed: false, actual: null, message: `unknown metric ${gate.metric}` };
  const unitError = checkUnit({ gate, metric });
  if (unitError) return { expr, passed: false, actual: null, message: unitError };
  const raw = metric.read(report);
  if (raw === null) return { expr, passed: false, actual: null, message: `${gate.metric} has no value in this run` };
  let actual = typeof raw === 'boolean' ? (raw ? 1 : 0) : raw;
  if (metric.kind === 'duration' && gate.unit && gate.unit !== '%') actual = actual / MS_PER[gate.unit];
  if (metric.kind === 'ratio' && gate.unit === '%') actual = actual * 100;
  const rounded = Math.round(actual * 1e6) / 1e6;
  return { expr, passed: compare({ actual: rounded, op: gate.op, value: gate.value }), actual: rounded };
}
