import type { TextTable } from '../breakdownTables.ts';
import { escapeHtml as e } from '../safeText.ts';

/** A TextTable as an HTML section; every cell escaped. */
export function tableSection(table: TextTable): string {
  const head = table.head.map((cell) => `<th${cell.numeric ? ' class="num"' : ''}>${e(cell.text)}</th>`).join('');
  const rows = table.rows.map((row) => `<tr>${row.map((cell, index) => `<td${table.head[index]?.numeric ? ' class="num"' : ''}>${e(cell)}</td>`).join('')}</tr>`).join('\n');
  return `<section id="${e(table.id)}"><h2>${e(table.title)}</h2>${table.rows.length > 0 ? `<table><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table>` : ''}<p class="meta">${e(table.note)}</p></section>`;
}
