import type { Report } from '../scoring/reportSchema.ts';
import { fmtMs, fmtNum, fmtPct } from './format.ts';
import { integrityFigures } from './integrityFigures.ts';

/**
 * The short text summary the CLI prints after a run or `thap report`: status, phases with availability and
 * p95, integrity, score with its components, gates, and where the report is.
 */
export function formatSummary(report: Report, { reportPath }: { reportPath?: string } = {}): string {
  const lines: string[] = [];
  lines.push(`${report.scenario.name} — ${report.status.toUpperCase()} — score ${report.score.total.toFixed(1)}/100 (scoring ${report.score.version})`);
  if (report.run.error) lines.push(`run error: ${report.run.error}`);
  lines.push('phases:');
  const width = Math.max(...report.phases.map((phase) => phase.name.length), 8);
  for (const phase of report.phases) {
    const seconds = (phase.durationMs / 1000).toFixed(0).padStart(5);
    lines.push(`  ${phase.name.padEnd(width)} ${seconds} s  requests ${String(phase.requests).padStart(7)}  availability ${fmtPct(phase.availability).padStart(6)}  p95 ${fmtMs(phase.p95Ms).padStart(9)}`);
    // With client regions: one region cut off while the others are fine shows here (outages.md O8).
    for (const [region, counts] of Object.entries(phase.regions ?? {})) {
      const { done, queued, failed } = counts.outcomes;
      lines.push(`  ${''.padEnd(width)}   ${region}: requests ${counts.requests}, availability ${fmtPct(counts.availability)}, done ${done}, queued ${queued}, failed ${failed}`);
    }
  }
  for (const fault of report.faults) {
    const drift = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value >= 0 ? '+' : ''}${value} ms`);
    lines.push(`fault ${fault.faultId}: ${fault.describe}${fault.ok ? '' : ` (FAILED: ${fault.error ?? 'unknown'})`}; drift apply ${drift(fault.applyDriftMs)}, remove ${drift(fault.removeDriftMs)}`);
  }
  const r = report.recovery;
  if (r.faultStart !== null) {
    lines.push(`recovery: detect ${fmtMs(r.ttdMs)}, recover ${fmtMs(r.ttrMs)} (hold ${r.holdWindowMs / 1000} s at ${fmtPct(1 - r.epsilon, 0)} of baseline), loss ${fmtNum(r.resilienceLoss, 0)} %·simulated min${r.metastable ? ', METASTABLE' : ''}`);
  }
  const i = report.integrity;
  lines.push(`integrity: ${integrityFigures(i)}`);
  if (report.nic.measured) lines.push(`nic: retry amplification ${fmtNum(report.nic.retryAmplification)}, post-recovery peak ${fmtNum(report.nic.peakOverBaseline, 1)}x baseline, drain ${fmtMs(report.nic.drainTimeMs)}`);
  lines.push(`score ${report.score.total.toFixed(1)}: ${report.score.components.map((c) => `${c.name} ${c.value === null ? 'n/a' : `${c.points.toFixed(1)}`}`).join(', ')}`);
  if (report.gates.length === 0) lines.push('gates: none');
  else {
    lines.push('gates:');
    for (const gate of report.gates) lines.push(`  ${gate.passed ? 'PASS' : 'FAIL'}  ${gate.expr}  (actual ${gate.actual === null ? 'none' : String(gate.actual)}${gate.message ? `: ${gate.message}` : ''})`);
  }
  for (const warning of report.warnings) lines.push(`warning: ${warning}`);
  if (reportPath) lines.push(`report: ${reportPath}`);
  return `${lines.join('\n')}\n`;
}
