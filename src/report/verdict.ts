import type { Report, ValidityCheck } from '../scoring/index.ts';
import { simMsOf } from '../scoring/index.ts';
import { fmtMs, fmtSimSpan, fmtSimTime, fmtTime } from './format.ts';

/**
 * What every report format opens with, worded once: the verdict, the run's validity, the client under test
 * with its health and exits, and times on the incident's clock (report.clock) with wall time secondary.
 */

/** `PASSED — score 64.9/100`, `INVALID — no score: ...`. */
export function verdictText(report: Pick<Report, 'status' | 'score'>): string {
  const status = report.status.toUpperCase();
  if (report.score.total === null) return `${status} — no score: ${noScoreReason(report)}`;
  return `${status} — score ${report.score.total.toFixed(1)}/100${report.score.disqualified ? ' (disqualified: made-up NIC ids)' : ''}`;
}

/** Why a report carries no score, in words a reader acts on. */
export function noScoreReason(report: Pick<Report, 'status' | 'score'>): string {
  if (report.status === 'invalid') return 'the harness or the machine, not the client, is to blame; repeat the run';
  if (report.status === 'error') return 'the run ended in a harness error';
  return report.score.withheld ?? 'not scored';
}

/** One line per validity check: `FAIL  harness.alive  1 failures (bound 0): ...`. */
export function checkFigure(check: ValidityCheck): string {
  return check.figure === null ? 'not measured' : `${check.figure} ${check.unit} (bound ${check.bound} ${check.unit})`;
}

/** The validity headline: `valid: 5 checks passed (...)`, naming checks the run directory could not measure, or `INVALID: harness.alive failed`. */
export function validityText(report: Pick<Report, 'validity'>): string {
  const checks = report.validity?.checks ?? [];
  if (checks.length === 0) return 'validity not checked (a report older than the validity checks)';
  const failed = checks.filter((check) => !check.passed);
  const unmeasured = checks.filter((check) => check.figure === null);
  if (failed.length === 0) {
    const measured = checks.filter((check) => check.figure !== null);
    return `valid: ${measured.length} checks passed${measured.length ? ` (${measured.map((check) => check.name).join(', ')})` : ''}${unmeasured.length ? `; not measured: ${unmeasured.map((check) => check.name).join(', ')}` : ''}`;
  }
  return `INVALID: ${failed.map((check) => check.name).join(', ')} failed`;
}

/** A wall instant on the incident's clock (`09:50`), or the wall time when the report has no clock. */
export function incidentTimeOf(report: Pick<Report, 'clock'>, wall: number): string {
  if (!report.clock) return fmtTime(wall);
  return fmtSimTime(simMsOf(report.clock, wall));
}

/** The same with the wall time secondary: `09:50 (wall 2026-12-05 14:03:12Z)`. */
export function incidentTimeWithWall(report: Pick<Report, 'clock'>, wall: number): string {
  return report.clock ? `${incidentTimeOf(report, wall)} (wall ${fmtTime(wall)})` : fmtTime(wall);
}

/** A duration of report.json: simulated ms when the report has a clock, else wall ms. */
export function spanOf(report: Pick<Report, 'clock'>, ms: number | null | undefined): string {
  return report.clock ? fmtSimSpan(ms) : fmtMs(ms);
}

/** The client under test as a reader knows it: `naive (node --import tsx examples/naive/server.ts)`. */
export function clientTitle(report: Pick<Report, 'client' | 'clientName'>): string {
  if (report.clientName && report.client && report.clientName !== report.client) return `${report.clientName} (${report.client})`;
  return report.clientName ?? report.client ?? 'not named in the run directory';
}

/** The client under test and what happened to it: its health check before load and its exits mid-run. */
export function clientLines(report: Pick<Report, 'client' | 'clientName' | 'run' | 'clock'>): string[] {
  const lines = [`client under test: ${clientTitle(report)}`];
  const health = report.run.client?.health;
  if (health) lines.push(health.ok ? `health check: answered (${health.url})` : `health check: FAILED (${health.url}${health.error ? `: ${health.error}` : ''}); no load was offered`);
  for (const exit of report.run.client?.exits ?? []) {
    // A client whose health check failed never became healthy: its exit is not one "mid-run".
    const when = health?.ok === false ? 'before it became healthy, at' : 'at';
    lines.push(`client EXITED ${when} ${incidentTimeOf(report, exit.at)}${exit.region ? ` (region ${exit.region})` : ''}: ${exit.signal ? `signal ${exit.signal}` : `code ${exit.code ?? 'unknown'}`}`);
  }
  if (report.run.client && (report.run.client.exits.length ?? 0) === 0) lines.push('client exits: none');
  return lines;
}

/** The harm sentences (report.harm, in a hospital's words), when the report has them. */
export function harmLines(report: Pick<Report, 'harm'>): string[] {
  if (!report.harm) return [];
  return report.harm.summary.length > 0 ? report.harm.summary : ['no work left undone'];
}
