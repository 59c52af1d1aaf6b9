import type { Report } from '../../scoring/index.ts';
import { simMsOf } from '../../scoring/index.ts';
import type { CompareInput } from './loadCompareInputs.ts';
import { judgeComparison } from './judgeComparison.ts';
import { unsteadyRepeats, type Unsteadiness } from './unsteadyRepeats.ts';

/** The dimensions of a comparison, each normalised to 0..1 (1 best) from the score's components (docs/scoring.md). */
export const dimensions = [
  { name: 'detect', component: 'fail-fast', question: 'Does it notice the outage and answer fast instead of hanging?' },
  { name: 'absorb', component: 'absorb', question: 'How much useful work does it keep doing during the outage?' },
  { name: 'abandoned', component: 'abandoned', question: "How much of the hospital's work (patients, fees, samples) is left undone at NIC?" },
  { name: 'recover', component: 'recover', question: 'How soon is it back to normal after NIC returns?' },
  { name: 'integrity', component: 'integrity', question: 'Is every record it accepted stored exactly once?' },
  { name: 'amplification', component: 'amplification', question: 'Does it spare NIC from retry storms and bursts after recovery?' },
] as const;

export interface Stat {
  mean: number | null;
  /** Half the range (max - min) / 2 over repeats; 0 for a single run. */
  spread: number | null;
  n: number;
}

export interface ComparedClient {
  label: string;
  runs: Array<{ runDir: string; runId: string; status: Report['status']; score: number | null }>;
  score: Stat;
  dimensions: Record<string, Stat>;
  lost: Stat;
  ttrMs: Stat;
  gatesPassed: number;
  gatesTotal: number;
  /** Runs scored 0 for made-up NIC ids (report.score.disqualified): a forged record, not a weak score. */
  disqualifiedRuns: number;
  /** Set when its repeats spread beyond what thap's own measurement keeps to, with what its runs show of why (unsteadyRepeats.ts). */
  unsteady?: string;
  /** Whose that spread is: the client's (it behaved differently from run to run), the runs' (it behaved alike), or unknown. */
  unsteadyWhose?: Unsteadiness['whose'];
}

export interface Comparison {
  scenario: { name: string; title?: string; fingerprint: string; seed: number | string };
  versions: { thap: string; scoring: string };
  mismatches: string[];
  clients: ComparedClient[];
  /** One plain sentence: who leads, by how much, and whether beyond the repeat spread (judgeComparison). */
  verdict: string;
  /** Set when a difference may lie within the repeat noise. */
  noise: string | null;
  /** Q(t) of each client's first run on the incident's clock: [simulated seconds of day, % of baseline]. */
  curves: Array<{ label: string; points: Array<[number, number | null]>; faults: Array<[number, number]> }>;
  generatedAt: string;
}

/** A run's Q(t) and fault windows in simulated seconds of day, for curves overlaid on one clock. */
function recoveryCurve(label: string, report: Report): Comparison['curves'][number] {
  const { clock } = report;
  const sim = (wall: number) => Math.round(simMsOf(clock, wall) / 1000);
  return {
    label,
    points: report.recovery.curve.map((point) => [sim(point.t), point.q === null ? null : Math.round(point.q * 10) / 10]),
    faults: report.faults.filter((f) => f.appliedAt !== null).map((f) => [sim(f.appliedAt ?? 0), sim(f.removedAt ?? report.run.endedAt)]),
  };
}

function unsteadyOf(label: string, runs: readonly CompareInput[]): Pick<ComparedClient, 'unsteady' | 'unsteadyWhose'> {
  const unsteady = unsteadyRepeats(label, runs.map((run) => run.report));
  return unsteady === undefined ? {} : { unsteady: unsteady.text, unsteadyWhose: unsteady.whose };
}

function stat(values: Array<number | null>): Stat {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (present.length === 0) return { mean: null, spread: null, n: 0 };
  const mean = present.reduce((sum, value) => sum + value, 0) / present.length;
  return { mean, spread: (Math.max(...present) - Math.min(...present)) / 2, n: present.length };
}

/** Groups runs by label (repeats of one client) and gives each group's mean and spread per dimension. */
export function buildComparison({ inputs, mismatches, now = new Date() }: { inputs: CompareInput[]; mismatches: string[]; now?: Date }): Comparison {
  const groups = new Map<string, CompareInput[]>();
  for (const input of inputs) groups.set(input.label, [...(groups.get(input.label) ?? []), input]);
  const first = inputs[0]?.report;
  const clients: ComparedClient[] = [...groups].map(([label, runs]) => ({
    label,
    runs: runs.map((run) => ({ runDir: run.runDir, runId: run.report.runId, status: run.report.status, score: run.report.score.total })),
    score: stat(runs.map((run) => run.report.score.total)),
    dimensions: Object.fromEntries(dimensions.map((d) => [d.name, stat(runs.map((run) => run.report.score.components.find((c) => c.name === d.component)?.value ?? null))])),
    lost: stat(runs.map((run) => run.report.integrity.lost)),
    ttrMs: stat(runs.map((run) => run.report.recovery.ttrMs)),
    gatesPassed: runs.reduce((sum, run) => sum + run.report.gates.filter((g) => g.passed).length, 0),
    gatesTotal: runs.reduce((sum, run) => sum + run.report.gates.length, 0),
    disqualifiedRuns: runs.filter((run) => run.report.score.disqualified !== undefined).length,
    ...unsteadyOf(label, runs),
  }));
  return {
    scenario: { name: first?.scenario.name ?? 'unknown', ...(first?.scenario.title ? { title: first.scenario.title } : {}), fingerprint: first?.scenario.fingerprint ?? 'unknown', seed: first?.scenario.seed ?? 'unknown' },
    versions: { thap: first?.versions.thap ?? 'unknown', scoring: first?.versions.scoring ?? 'unknown' },
    mismatches,
    clients,
    ...judgeComparison(clients),
    curves: [...groups].map(([label, runs]) => recoveryCurve(label, (runs[0] as CompareInput).report)),
    generatedAt: now.toISOString(),
  };
}
