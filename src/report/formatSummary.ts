import type { Report } from '../scoring/index.ts';
import { fmtMs, fmtNum, fmtPct } from './format.ts';
import { checkFigure, clientLines, harmLines, incidentTimeOf, spanOf, validityText, verdictText } from './verdict.ts';
import { integrityFigures } from './integrityFigures.ts';
import { simulatedDayText, volumesText } from './runFacts.ts';

/**
 * The short text summary the CLI prints after a run or `thap report`: the verdict and the run's validity
 * first, the client under test, the harm in the hospital's words, then phases, faults, recovery, integrity,
 * score, gates, and where the report is. Times are on the incident's clock when the report has one.
 */
export function formatSummary(report: Report, { reportPath }: { reportPath?: string } = {}): string {
  const lines: string[] = [];
  lines.push(`${report.scenario.name} — ${verdictText(report)} (scoring ${report.score.version})`);
  lines.push(validityText(report));
  for (const check of report.validity?.checks ?? []) if (!check.passed) lines.push(`  FAIL  validity ${check.name}: ${checkFigure(check)}: ${check.message}`);
  if (report.run.error) lines.push(`run error: ${report.run.error}`);
  lines.push(...clientLines(report));
  lines.push(`simulated day: ${simulatedDayText(report)}`, `work offered: ${volumesText(report)}`);
  const harm = harmLines(report);
  if (harm.length > 0) lines.push(`harm: ${harm.join('; ')}`);
  lines.push('phases:');
  const width = Math.max(...report.phases.map((phase) => phase.name.length), 8);
  const whenOf = (phase: (typeof report.phases)[number]) => (report.clock ? `${incidentTimeOf(report, phase.start)}-${incidentTimeOf(report, phase.end)}` : '');
  // Times of day on a second day (`day 2 10:00`) are longer: the column is as wide as its widest.
  const whenWidth = Math.max(0, ...report.phases.map((phase) => whenOf(phase).length));
  for (const phase of report.phases) {
    const when = whenOf(phase).padEnd(whenWidth);
    lines.push(`  ${phase.name.padEnd(width)} ${when} ${spanOf(report, phase.durationMs).padStart(7)}  requests ${String(phase.requests).padStart(7)}  availability ${fmtPct(phase.availability).padStart(6)}  p95 ${fmtMs(phase.p95Ms).padStart(9)}`);
    // With client regions: one region cut off while the others are fine shows here (outages.md O8).
    for (const [region, counts] of Object.entries(phase.regions ?? {})) {
      const { done, queued, failed } = counts.outcomes;
      lines.push(`  ${''.padEnd(width)}   ${region}: requests ${counts.requests}, availability ${fmtPct(counts.availability)}, done ${done}, queued ${queued}, failed ${failed}`);
    }
  }
  for (const fault of report.faults) {
    const drift = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value >= 0 ? '+' : ''}${value} ms`);
    const window = fault.appliedAt === null ? 'never applied' : `${incidentTimeOf(report, fault.appliedAt)} to ${fault.removedAt === null ? 'the end' : incidentTimeOf(report, fault.removedAt)}`;
    lines.push(`fault ${fault.faultId}: ${fault.describe}${fault.ok ? '' : ` (FAILED: ${fault.error ?? 'unknown'})`}; ${window}; drift apply ${drift(fault.applyDriftMs)}, remove ${drift(fault.removeDriftMs)} wall`);
  }
  const r = report.recovery;
  if (r.faultStart !== null) {
    lines.push(`recovery: detect ${spanOf(report, r.ttdMs)}, recover ${spanOf(report, r.ttrMs)} (hold ${spanOf(report, r.holdWindowMs)} at ${fmtPct(1 - r.epsilon, 0)} of baseline), loss ${fmtNum(r.resilienceLoss, 0)} %·simulated min${r.metastable ? ', METASTABLE' : ''}`);
  }
  const i = report.integrity;
  lines.push(`integrity: ${integrityFigures(i)}`);
  if (report.nic.measured) lines.push(`nic: retry amplification ${fmtNum(report.nic.retryAmplification)}, post-recovery peak ${fmtNum(report.nic.peakOverDemand, 1)}x the busiest demand (${fmtNum(report.nic.peakOverBaseline, 1)}x baseline), drain ${spanOf(report, report.nic.drainTimeMs)}`);
  const components = report.score.components.map((c) => `${c.name} ${c.value === null ? 'n/a' : `${c.points.toFixed(1)}`}`).join(', ');
  if (report.score.total === null) lines.push(`score: none (${report.score.withheld ?? report.status}); components as measured, not a verdict: ${components}`);
  else if (report.score.disqualified) lines.push(`score ${report.score.total.toFixed(1)}, disqualified: ${report.score.disqualified}; components as measured, not a verdict: ${components}`);
  else lines.push(`score ${report.score.total.toFixed(1)}: ${components}`);
  if (report.gates.length === 0) lines.push('gates: none');
  else {
    lines.push('gates:');
    for (const gate of report.gates) lines.push(`  ${gate.passed ? 'PASS' : 'FAIL'}  ${gate.expr}  (actual ${gate.actual === null ? 'none' : String(gate.actual)}${gate.message ? `: ${gate.message}` : ''})`);
  }
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  if (reportPath) lines.push(`report: ${reportPath}`);
  return `${lines.join('\n')}\n`;
}
