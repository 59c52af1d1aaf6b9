import type { Report } from '../../../src/scoring/index.ts';

/** The score of a report that must have one; a withheld score (invalid or errored run) fails the test with its reason. */
export function scoredTotal(report: Pick<Report, 'status' | 'score'>): number {
  if (report.score.total === null) throw new Error(`expected a scored run, got status ${report.status}: ${report.score.withheld ?? 'score withheld'}`);
  return report.score.total;
}
