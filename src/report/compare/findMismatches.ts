import type { Report } from '../../scoring/index.ts';

const FIELDS: Array<{ name: string; read: (report: Report) => string }> = [
  { name: 'scenario fingerprint', read: (r) => r.scenario.fingerprint },
  { name: 'seed', read: (r) => String(r.scenario.seed) },
  { name: 'harness version', read: (r) => r.versions.thap },
  { name: 'scoring version', read: (r) => r.versions.scoring },
];

/**
 * What makes runs unfair to compare: each field whose value differs, with every value seen and where. Runs of
 * one scenario must share its fingerprint and seed; runs of several scenarios (a scorecard) are checked per
 * scenario, and every run must share the harness and scoring versions.
 */
export function findMismatches(runs: Array<{ label: string; runDir: string; report: Report }>): string[] {
  const byScenario = new Map<string, typeof runs>();
  for (const run of runs) byScenario.set(run.report.scenario.name, [...(byScenario.get(run.report.scenario.name) ?? []), run]);
  if (byScenario.size === 1) return differences(runs, FIELDS);
  return [...[...byScenario.values()].flatMap((group) => differences(group, FIELDS.slice(0, 2))), ...differences(runs, FIELDS.slice(2))];
}

function differences(runs: Array<{ label: string; runDir: string; report: Report }>, fields: typeof FIELDS): string[] {
  const mismatches: string[] = [];
  for (const field of fields) {
    const values = new Map<string, string[]>();
    for (const run of runs) {
      const value = field.read(run.report);
      values.set(value, [...(values.get(value) ?? []), `${run.label} (${run.runDir})`]);
    }
    if (values.size > 1) {
      mismatches.push(`${field.name} differs: ${[...values].map(([value, where]) => `${value.length > 30 ? `${value.slice(0, 30)}…` : value} in ${where.join(', ')}`).join('; ')}`);
    }
  }
  return mismatches;
}
