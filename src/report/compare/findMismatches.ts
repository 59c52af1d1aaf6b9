import type { Report } from '../../scoring/index.ts';

const FIELDS: Array<{ name: string; read: (report: Report) => string }> = [
  { name: 'scenario fingerprint', read: (r) => r.scenario.fingerprint },
  { name: 'seed', read: (r) => String(r.scenario.seed) },
  { name: 'harness version', read: (r) => r.versions.thap },
  { name: 'scoring version', read: (r) => r.versions.scoring },
];

/** What makes runs unfair to compare: each field whose value differs, with every value seen and where. */
export function findMismatches(runs: Array<{ label: string; runDir: string; report: Report }>): string[] {
  const mismatches: string[] = [];
  for (const field of FIELDS) {
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
