import { expect, it } from 'vitest';
import type { ScenarioRun } from '../../test/support/runScenario.ts';
import { failedChecks, type RunWithValidity } from '../../test/support/runUntilValid.ts';

/** The three reference clients the proof runs, by the name its checks use. */
export const proofClients = {
  naive: 'examples/naive/server.ts',
  retryStorm: 'examples/retry-storm/server.ts',
  resilient: 'examples/resilient/server.ts',
} as const;
export type ProofClient = keyof typeof proofClients;

/** The parts of report.json the proof reads (src/scoring/reportSchema.ts has the whole). */
export interface ProofReport {
  status: string;
  harm: { summary: string[] };
  score: { total: number };
  integrity: { accepted: number; lost: number; duplicated: number };
  nic: { retryAmplification: number | null; retryAmplificationFromFault?: number | null };
  phases: Array<{ kind: string; outcomes: { failed: number } }>;
  validity?: NonNullable<RunWithValidity['report']>['validity'];
}

/** A client's run, and what it left running right after it ended (test/support/leftovers.ts). */
export interface ProofRun extends ScenarioRun<ProofReport> {
  leftovers: { processes: string[]; ports: number[] } | undefined;
  /** The failed validity checks of the runs made before this one, each of which came out `invalid`. */
  invalidBefore: string[];
}

export type ProofRuns = Record<ProofClient, ProofRun>;

/** Failed journey steps k6 counted in the fault phase(s). */
function faultPhaseFailures(report: ProofReport): number {
  return report.phases.filter((phase) => phase.kind === 'fault').reduce((sum, phase) => sum + phase.outcomes.failed, 0);
}

/** One line per run for test messages: the score and the figures the proof asserts on. */
function summarize(name: string, run: ProofRun): string {
  const r = run.report;
  const before = run.invalidBefore.map((why, index) => `\n  (run ${index + 1} was invalid: ${why})`).join('');
  if (!r) return `${name}: no report (exit ${run.code}); stderr tail: ${run.stderr.slice(-400)}${before}`;
  const failed = failedChecks(r);
  const why = failed === '' ? '' : ` (${failed})`;
  return `${name}: ${r.status}${why}, score ${r.score.total}, ${r.harm.summary.join('; ')}, lost ${r.integrity.lost}, duplicated ${r.integrity.duplicated}, amplification ${r.nic.retryAmplification?.toFixed(2)}, fault-phase failures ${faultPhaseFailures(r)}${before}`;
}

/**
 * Proof that scoring tells a good client from a bad one (issue 6), as the tests of one `describe` over the
 * runs of the three reference clients on one scenario (`runs()` is filled by the describe's `beforeAll`).
 * `naiveStatus` is the verdict the scenario's gates give a client that refuses work while NIC is away.
 */
export function proofChecks(runs: () => ProofRuns, { naiveStatus }: { naiveStatus: 'passed' | 'failed' }): void {
  const names = Object.keys(proofClients) as ProofClient[];
  const summary = () => names.map((name) => summarize(name, runs()[name])).join('\n');
  const score = (name: ProofClient) => runs()[name].report?.score.total ?? Number.NaN;

  it('scores every client (no harness failure) and leaves nothing running after each run', () => {
    for (const name of names) {
      expect(runs()[name].report, summary()).toBeDefined();
      expect([0, 1], `${name}: exit ${runs()[name].code}\n${summary()}`).toContain(runs()[name].code);
      expect(runs()[name].leftovers, name).toEqual({ processes: [], ports: [] });
    }
  });

  it('resilient loses nothing and duplicates nothing', () => {
    const integrity = runs().resilient.report?.integrity;
    expect(integrity?.accepted, summary()).toBeGreaterThan(0);
    expect(integrity?.lost, summary()).toBe(0);
    expect(integrity?.duplicated, summary()).toBe(0);
  });

  it('resilient scores at least 25 points above naive', () => {
    expect(score('resilient') - score('naive'), summary()).toBeGreaterThanOrEqual(25);
  });

  it('retry-storm amplifies its retries more than 3x', () => {
    const report = runs().retryStorm.report;
    // Counted over the requests attempted from the fault on (docs/scoring.md).
    expect(report?.nic.retryAmplificationFromFault ?? report?.nic.retryAmplification ?? 0, summary()).toBeGreaterThan(3);
  });

  it('retry-storm stores duplicates and scores at least 25 points below resilient', () => {
    expect(runs().retryStorm.report?.integrity.duplicated ?? 0, summary()).toBeGreaterThan(0);
    expect(score('resilient') - score('retryStorm'), summary()).toBeGreaterThanOrEqual(25);
  });

  it(`naive fails journeys in the fault phase and is ${naiveStatus}`, () => {
    const report = runs().naive.report;
    expect(report ? faultPhaseFailures(report) : 0, summary()).toBeGreaterThan(0);
    expect(report?.status, summary()).toBe(naiveStatus);
  });

  it('resilient passes every gate and retry-storm, storing duplicates, passes none of the runs', () => {
    expect(runs().resilient.report?.status, summary()).toBe('passed');
    expect(runs().retryStorm.report?.status, summary()).toBe('failed');
    expect(runs().retryStorm.code, summary()).toBe(1);
  });
}
