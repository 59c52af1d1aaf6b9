import type { DoctorReport } from './types.ts';

/** A plain-text table, then one "what it disables / fix" paragraph per problem. */
export function formatDoctor(report: DoctorReport): string {
  const rows = report.checks.map((check) => [check.name, check.status === 'ok' ? 'ok' : check.status, check.version ?? '-', check.path ?? '-', check.detail ?? '']);
  const header = ['tool', 'status', 'version', 'path', 'detail'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const problems = report.checks
    .filter((check) => check.status !== 'ok')
    .map((check) => `${check.name} (${check.status}${check.required ? ', required' : ''}) disables: ${check.disables ?? 'nothing'}\n  fix: ${check.fix ?? '-'}`);
  return [line(header), ...rows.map(line), ...(problems.length ? ['', ...problems] : ['', 'everything thap can use is here'])].join('\n');
}
