import type { Report } from '../../scoring/index.ts';

/**
 * Runs that have no score to rank: invalid (the harness or the machine is to blame) or ended in a harness
 * error. Each is named with why, so the user knows which run to repeat.
 */
export function findUnrankable(runs: Array<{ label: string; runDir: string; report: Pick<Report, 'status' | 'score'> }>): string[] {
  return runs
    .filter((run) => run.report.score.total === null || run.report.status === 'invalid' || run.report.status === 'error')
    .map((run) => `${run.label} (${run.runDir}): ${run.report.status}${run.report.score.withheld ? `: ${run.report.score.withheld}` : ''}`);
}
