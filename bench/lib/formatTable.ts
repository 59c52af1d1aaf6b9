import type { BenchRow } from '../types.ts';

/** Rows as a plain-text table: entry, subject, then one column per metric name (in first-seen order), then note. */
export function formatTable(rows: BenchRow[]): string {
  const metricNames: string[] = [];
  for (const row of rows) for (const name of Object.keys(row.metrics)) if (!metricNames.includes(name)) metricNames.push(name);
  const header = ['entry', 'subject', ...metricNames, 'note'];
  const lines = rows.map((row) => [row.entry, row.subject, ...metricNames.map((name) => formatNumber(row.metrics[name])), row.note ?? '']);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const render = (cells: string[]) => cells.map((cell, i) => (i >= 2 && i < 2 + metricNames.length ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [render(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(render)].join('\n');
}

function formatNumber(value: number | undefined): string {
  if (value === undefined) return '';
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}
