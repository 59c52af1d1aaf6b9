import type { Issue } from '../../core/index.ts';
import { findGateMetric, knownGateMetrics } from './gateMetrics.ts';
import { parseGate, type ParsedGate } from './parseGate.ts';
import type { GateMetric } from './gateMetrics.ts';

/** Checks one parsed gate's unit against its metric's kind; returns an error message or undefined. */
export function checkUnit({ gate, metric }: { gate: ParsedGate; metric: GateMetric }): string | undefined {
  const { unit } = gate;
  if (metric.kind === 'duration' && (unit === undefined || unit === '%')) {
    return `${gate.metric} is a duration: give a unit, e.g. "${gate.metric} ${gate.op} ${gate.value}s" (ms, s or m)`;
  }
  if (metric.kind === 'ratio' && unit !== undefined && unit !== '%') return `${gate.metric} is a ratio: write 0..1 or a percentage (got unit ${unit})`;
  if (metric.kind === 'ratio' && unit === undefined && (gate.value < 0 || gate.value > 1)) {
    return `${gate.metric} is a ratio between 0 and 1 (got ${gate.value}); for a percentage write ${gate.value}%`;
  }
  if ((metric.kind === 'count' || metric.kind === 'number' || metric.kind === 'boolean') && unit !== undefined) {
    return `${gate.metric} takes a plain number (got unit ${unit})`;
  }
  if (metric.kind === 'boolean' && gate.value !== 0 && gate.value !== 1) return `${gate.metric} is 1 (yes) or 0 (no) (got ${gate.value})`;
  return undefined;
}

/**
 * Checks gate expressions before a run starts: syntax, known metric, fitting unit. Returns every problem at
 * once as issues with path `gates.<index>` (empty when all are valid).
 */
export function validateGates(exprs: string[], { file }: { file?: string } = {}): Issue[] {
  const issues: Issue[] = [];
  exprs.forEach((expr, index) => {
    const where = { ...(file ? { file } : {}), path: `gates.${index}` };
    const parsed = parseGate(expr);
    if ('error' in parsed) {
      issues.push({ ...where, message: parsed.error });
      return;
    }
    const metric = findGateMetric(parsed.gate.metric);
    if (!metric) {
      issues.push({ ...where, message: `unknown metric ${JSON.stringify(parsed.gate.metric)}; known: ${knownGateMetrics().join(', ')}` });
      return;
    }
    const unitError = checkUnit({ gate: parsed.gate, metric });
    if (unitError) issues.push({ ...where, message: unitError });
  });
  return issues;
}
