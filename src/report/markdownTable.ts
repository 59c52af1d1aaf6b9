import type { TextTable } from './breakdownTables.ts';
import { escapeMarkdown as mdCell } from './safeText.ts';

/** A TextTable as Markdown lines under a `###` heading; every cell escaped. */
export function markdownTable(table: TextTable): string[] {
  const out = ['', `### ${mdCell(table.title)}`, ''];
  if (table.rows.length > 0) {
    out.push(`| ${table.head.map((cell) => mdCell(cell.text)).join(' | ')} |`, `|${table.head.map((cell) => (cell.numeric ? '---:' : '---')).join('|')}|`);
    for (const row of table.rows) out.push(`| ${row.map(mdCell).join(' | ')} |`);
    out.push('');
  }
  out.push(mdCell(table.note));
  return out;
}
