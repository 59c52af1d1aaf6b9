import type { Report } from '../../scoring/index.ts';
import { checkFigure, clientLines, harmLines, validityText } from '../verdict.ts';
import { escapeHtml as e } from '../safeText.ts';

/** The HTML sections a report opens with after its header: the run's validity, the client under test, the harm. */

export function validitySection(report: Report): string {
  const checks = report.validity?.checks ?? [];
  const valid = checks.every((check) => check.passed);
  const rows = checks
    .map((check) => `<tr><td class="${check.passed ? 'pass' : 'fail'}">${check.passed ? 'PASS' : 'FAIL'}</td><td><code>${e(check.name)}</code></td><td class="num">${e(checkFigure(check))}</td><td>${e(check.message)}</td></tr>`)
    .join('\n');
  return `<section id="validity"><h2>Run validity</h2>
<p class="${valid ? 'pass' : 'fail'}">${e(validityText(report))}${valid ? '' : ': the harness or the machine, not the client, is to blame, so no score is a verdict. Repeat the run.'}</p>
${checks.length > 0 ? `<table><thead><tr><th></th><th>check</th><th class="num">figure</th><th></th></tr></thead><tbody>\n${rows}\n</tbody></table>` : ''}</section>`;
}

export function clientSection(report: Report): string {
  const lines = clientLines(report);
  const failed = (line: string) => /FAILED|EXITED/.test(line);
  return `<section id="client"><h2>Client under test</h2><ul>${lines.map((line) => `<li${failed(line) ? ' class="fail"' : ''}>${e(line)}</li>`).join('')}</ul></section>`;
}

export function harmSection(report: Report): string {
  const lines = harmLines(report);
  if (lines.length === 0) return '';
  const backlog = report.harm?.backlog;
  return `<section id="harm"><h2>Harm to the hospital</h2><ul>${lines.map((line) => `<li>${e(line)}</li>`).join('')}</ul>${backlog && !lines.includes(backlog.text) ? `<p>${e(backlog.text)}</p>` : ''}</section>`;
}
