import { UserError } from '../core/index.ts';
import { type GateResult, type Report, statusOf } from '../scoring/index.ts';
import { readReport } from './readReport.ts';

/**
 * `--baseline <report.json> --max-regression N`: adds a gate that fails when the score fell by more than N
 * points below the baseline report's, and recomputes the status. A baseline of another scenario fingerprint
 * or scoring version still compares, but the gate's message says so. Returns a new report.
 */
export async function applyBaseline({ report, baselineFile, maxRegression }: { report: Report; baselineFile: string; maxRegression: number }): Promise<Report> {
  if (!Number.isFinite(maxRegression) || maxRegression < 0) {
    throw new UserError(`--max-regression must be a number of score points >= 0 (got ${maxRegression}), e.g. --max-regression 5`);
  }
  const baseline = await readReport({ file: baselineFile });
  const baselineTotal = baseline.score.total;
  if (baselineTotal === null) {
    throw new UserError(`${baselineFile}: the baseline report has no score (status ${baseline.status}: ${baseline.score.withheld ?? 'withheld'}); pass the report.json of a valid run as --baseline`);
  }
  // An invalid or errored run has no score to regress; its status already says why.
  const total = report.score.total;
  if (total === null) return report;
  const drop = Math.round((baselineTotal - total) * 100) / 100;
  const caveats = [
    baseline.scenario.fingerprint !== report.scenario.fingerprint ? 'baseline is of a different scenario fingerprint' : undefined,
    baseline.versions.scoring !== report.versions.scoring ? `baseline scored with scoring ${baseline.versions.scoring}` : undefined,
  ].filter(Boolean);
  const gate: GateResult = {
    expr: `score regression <= ${maxRegression}`,
    passed: drop <= maxRegression,
    actual: drop,
    message: [`score ${total.toFixed(1)} vs baseline ${baselineTotal.toFixed(1)} from ${baselineFile}`, ...caveats].join('; '),
  };
  const gates = [...report.gates, gate];
  return { ...report, gates, status: statusOf({ runStatus: report.run.status, valid: report.validity?.valid ?? true, gatesPassed: gates.every((g) => g.passed) }) };
}
