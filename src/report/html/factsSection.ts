import type { Report } from '../../scoring/index.ts';
import { runFacts } from '../runFacts.ts';
import { escapeHtml as e } from '../safeText.ts';

/** The facts a report opens with (runFacts) as a two-column table; sources one a line. */
export function factsSection(report: Report): string {
  const rows = runFacts(report)
    .map((fact) => `<tr><th>${e(fact.label)}</th><td>${fact.list ? `<ul class="sources">${fact.list.map((line) => `<li>${e(line)}</li>`).join('')}</ul>` : e(fact.value)}</td></tr>`)
    .join('\n');
  return `<section id="facts"><table class="facts"><tbody>
${rows}
</tbody></table></section>`;
}
