import { failedCheckLines } from '../../src/scoring/validity/failedCheckLines.ts';

/** How many times the suite makes a run again when it comes out `invalid` (the proof, the conductor, the service outages). */
export const MAX_INVALID_RERUNS = 1;

/** What runUntilValid reads of a run: its report's status and validity checks, when it has a report. */
export interface RunWithValidity {
  report?: { status: string; validity?: { checks: Array<{ name: string; passed: boolean; message: string }> } } | undefined;
}

/**
 * Makes a run with `runOnce`, and again, up to `maxReruns` times, while it comes out `invalid`: an invalid run
 * measured the machine, not the client, so it is no verdict (docs/scoring.md "Run validity"). The suite runs
 * three real runs on two cores at once (vitest.config.ts), and now and then the machine fails a run's validity
 * (on CI once: retry-storm on the night outage); a pipeline gating on thap would run it again too. Returns the
 * last run and, for each run made before it, its failed checks in one line.
 */
export async function runUntilValid<Run extends RunWithValidity>(runOnce: () => Promise<Run>, maxReruns: number): Promise<{ run: Run; invalidBefore: string[] }> {
  const invalidBefore: string[] = [];
  for (;;) {
    const run = await runOnce();
    if (run.report?.status !== 'invalid' || invalidBefore.length >= maxReruns) return { run, invalidBefore };
    invalidBefore.push(failedChecks(run.report));
  }
}

/** A report's failed validity checks in one line, `name: message; ...`; empty when none failed. */
export function failedChecks(report: NonNullable<RunWithValidity['report']>): string {
  return failedCheckLines(report.validity?.checks).join('; ');
}
