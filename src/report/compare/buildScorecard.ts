import { buildComparison, dimensions, type Comparison, type Stat } from './buildComparison.ts';
import type { CompareInput } from './loadCompareInputs.ts';
import { passedEvery, rankClients } from './judgeComparison.ts';

export interface ScorecardVendor {
  label: string;
  /** Scenarios this client ran, and those others ran that it did not. */
  scenarios: number;
  missing: string[];
  /** Mean over scenarios of its per-scenario mean; spread is half the range ACROSS scenarios (not repeat noise). */
  score: Stat;
  dimensions: Record<string, Stat>;
  /** Scenarios where it scored highest (ties count for each). */
  best: number;
  /** Its runs disqualified for made-up NIC ids, over every scenario. */
  disqualifiedRuns: number;
  verdict: string;
}

/** A vendor scorecard: one comparison per scenario (repeats grouped by label), and each vendor over all of them. */
export interface Scorecard {
  scenarios: Comparison[];
  vendors: ScorecardVendor[];
  /** The fairness checks, stated as checked or failed. */
  fairness: string[];
  mismatches: string[];
  generatedAt: string;
}

function across(values: Array<number | null | undefined>): Stat {
  const present = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  if (present.length === 0) return { mean: null, spread: null, n: 0 };
  return { mean: present.reduce((sum, value) => sum + value, 0) / present.length, spread: (Math.max(...present) - Math.min(...present)) / 2, n: present.length };
}

/**
 * Groups runs by scenario (name), compares the clients within each, and sums each client up over every
 * scenario: mean score, mean per dimension, scenarios whose gates it passed in every run, scenarios it ranks first
 * on (verdict before score, rankClients), the weakest dimension, and scenarios it did not run.
 */
export function buildScorecard({ inputs, mismatches, now = new Date() }: { inputs: CompareInput[]; mismatches: string[]; now?: Date }): Scorecard {
  const byScenario = new Map<string, CompareInput[]>();
  for (const input of inputs) byScenario.set(input.report.scenario.name, [...(byScenario.get(input.report.scenario.name) ?? []), input]);
  const scenarios = [...byScenario.values()].map((group) => buildComparison({ inputs: group, mismatches: [], now }));
  const labels = [...new Set(inputs.map((input) => input.label))];
  const vendors = labels.map((label): ScorecardVendor => {
    const own = scenarios.map((scenario) => ({ scenario, client: scenario.clients.find((client) => client.label === label) }));
    const ran = own.filter((entry) => entry.client);
    const best = ran.filter(({ scenario }) => rankClients(scenario.clients)[0]?.label === label).length;
    const passedOn = ran.filter(({ client }) => client && passedEvery(client)).length;
    const dims = Object.fromEntries(dimensions.map((d) => [d.name, across(ran.map(({ client }) => client?.dimensions[d.name]?.mean))]));
    const score = across(ran.map(({ client }) => client?.score.mean));
    const weakest = dimensions.map((d) => ({ name: d.name, mean: dims[d.name]?.mean ?? null })).filter((d) => d.mean !== null).sort((a, b) => (a.mean ?? 0) - (b.mean ?? 0))[0];
    const missing = own.filter((entry) => !entry.client).map((entry) => entry.scenario.scenario.name);
    const disqualifiedRuns = ran.reduce((sum, { client }) => sum + (client?.disqualifiedRuns ?? 0), 0);
    const disqualified = disqualifiedRuns > 0 ? `DISQUALIFIED in ${disqualifiedRuns} run(s): answered done with NIC ids NIC never issued; ` : '';
    const wide = ran.filter(({ client }) => client?.unsteadyWhose !== undefined);
    const unsteadyOn = wide.filter(({ client }) => client?.unsteadyWhose !== 'runs').map(({ scenario }) => scenario.scenario.name);
    const inDoubtOn = wide.filter(({ client }) => client?.unsteadyWhose === 'runs').map(({ scenario }) => scenario.scenario.name);
    const unsteady =
      (unsteadyOn.length ? `; unsteady on ${unsteadyOn.join(', ')} (its repeats spread beyond ±2 points)` : '') +
      (inDoubtOn.length ? `; repeats on ${inDoubtOn.join(', ')} spread beyond ±2 points though it behaved alike in each (repeat them on a quiet machine)` : '');
    const verdict = `${label}: ${disqualified}mean score ${score.mean === null ? 'n/a' : score.mean.toFixed(1)} over ${ran.length} scenario(s), passed every gate on ${passedOn} of ${ran.length}, ranked first on ${best}${weakest ? `; weakest at ${weakest.name} (${((weakest.mean ?? 0) * 100).toFixed(0)}%)` : ''}${unsteady}${missing.length ? `; did not run ${missing.join(', ')}` : ''}`;
    return { label, scenarios: ran.length, missing, score, dimensions: dims, best, disqualifiedRuns, verdict };
  });
  const versions = new Set(inputs.map((input) => `thap ${input.report.versions.thap}, scoring ${input.report.versions.scoring}`));
  const fairness = [
    mismatches.some((m) => /fingerprint|seed/.test(m)) ? 'FAILED: runs of one scenario differ in fingerprint or seed (see the mismatches)' : `checked: the runs of each scenario share one fingerprint and one seed (${scenarios.map((s) => `${s.scenario.name} seed ${s.scenario.seed}`).join('; ')})`,
    versions.size > 1 ? `FAILED: harness or scoring versions differ (${[...versions].join(' / ')})` : `checked: every run by ${[...versions][0] ?? 'unknown'}`,
    vendors.some((vendor) => vendor.missing.length > 0) ? `NOT EVERY CLIENT RAN EVERY SCENARIO: ${vendors.filter((v) => v.missing.length).map((v) => `${v.label} lacks ${v.missing.join(', ')}`).join('; ')}` : 'checked: every client ran every scenario',
  ];
  return { scenarios, vendors, fairness, mismatches, generatedAt: now.toISOString() };
}
