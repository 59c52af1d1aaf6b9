import { htmlAssets } from '../html/assets.ts';
import { escapeHtml as e } from '../safeText.ts';
import { fmtMs } from '../format.ts';
import { dimensions, type Comparison, type Stat } from './buildComparison.ts';

function cell(s: Stat, scale = 100, unit = ''): string {
  if (s.mean === null) return '<td class="num">n/a</td>';
  const spread = s.n > 1 ? ` <small>± ${e((s.spread ?? 0) * scale >= 10 ? Math.round((s.spread ?? 0) * scale) : ((s.spread ?? 0) * scale).toFixed(1))}${unit}</small>` : '';
  return `<td class="num">${e((s.mean * scale).toFixed(scale === 1 ? 0 : 1))}${unit}${spread}<div class="bar"><span style="width:${Math.round(Math.min(1, Math.max(0, s.mean)) * 100)}%"></span></div></td>`;
}

/**
 * The side-by-side comparison for procurement as one printable HTML file. A mismatch (other scenario, seed,
 * harness or scoring version) is marked at the top of the page and repeated on every printed page.
 */
export function renderCompareHtml(comparison: Comparison): string {
  const { css } = htmlAssets();
  const c = comparison;
  const banner = c.mismatches.length
    ? `<div class="mismatch">NOT A FAIR COMPARISON — runs differ:<ul>${c.mismatches.map((m) => `<li>${e(m)}</li>`).join('')}</ul></div>`
    : '';
  const printBanner = c.mismatches.length ? `<div class="mismatch print-every-page">Mismatched runs: ${e(c.mismatches.length)} difference(s), see page 1</div>` : '';
  const head = c.clients.map((client) => `<th class="num">${e(client.label)}<br><small>${e(client.runs.length)} run(s)</small></th>`).join('');
  const dimensionRows = dimensions
    .map((d) => `<tr><th>${e(d.name)}<br><small class="meta">${e(d.question)}</small></th>${c.clients.map((client) => cell(client.dimensions[d.name] ?? { mean: null, spread: null, n: 0 }, 100, '%')).join('')}</tr>`)
    .join('\n');
  const scoreRow = `<tr><th>score (0-100)</th>${c.clients.map((client) => cell({ ...client.score, mean: client.score.mean === null ? null : client.score.mean / 100, spread: client.score.spread === null ? null : client.score.spread / 100 }, 100)).join('')}</tr>`;
  const lostRow = `<tr><th>records lost</th>${c.clients.map((client) => `<td class="num">${client.lost.mean === null ? 'n/a' : e(client.lost.mean.toFixed(1))}${client.lost.n > 1 ? ` <small>± ${e((client.lost.spread ?? 0).toFixed(1))}</small>` : ''}</td>`).join('')}</tr>`;
  const ttrRow = `<tr><th>time to recover</th>${c.clients.map((client) => `<td class="num">${e(fmtMs(client.ttrMs.mean))}${client.ttrMs.n < client.runs.length ? ` <small>(${e(client.runs.length - client.ttrMs.n)} never)</small>` : ''}</td>`).join('')}</tr>`;
  const gatesRow = `<tr><th>gates passed</th>${c.clients.map((client) => `<td class="num">${e(client.gatesPassed)} / ${e(client.gatesTotal)}</td>`).join('')}</tr>`;
  const runs = c.clients
    .flatMap((client) => client.runs.map((run) => `<tr><td>${e(client.label)}</td><td>${e(run.runId)}</td><td>${e(run.status)}</td><td class="num">${e(run.score.toFixed(1))}</td><td><code>${e(run.runDir)}</code></td></tr>`))
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>thap comparison: ${e(c.scenario.name)}</title>
<style>${css}
.print-every-page { display: none; }
@media print { .print-every-page { display: block; position: fixed; top: 0; left: 0; right: 0; font-size: 11px; padding: 2px 8px; } main { padding-top: 28px; } }
</style></head><body>${printBanner}<main>
<h1>Resilience comparison: ${e(c.scenario.name)}</h1>
<div class="meta">fingerprint <code>${e(c.scenario.fingerprint)}</code> · seed ${e(c.scenario.seed)} · thap ${e(c.versions.thap)} · scoring ${e(c.versions.scoring)} · ${e(c.generatedAt)}</div>
${banner}
<h2>Dimensions (normalised, 100% best; mean ± half-range over repeats)</h2>
<table><thead><tr><th></th>${head}</tr></thead><tbody>
${scoreRow}
${dimensionRows}
${lostRow}
${ttrRow}
${gatesRow}
</tbody></table>
<h2>Runs</h2>
<table><thead><tr><th>client</th><th>run</th><th>status</th><th class="num">score</th><th>directory</th></tr></thead><tbody>
${runs}
</tbody></table>
<p class="meta">Each dimension is the matching component of the score (docs/scoring.md): detect = fail-fast, absorb, recover, integrity, amplification.</p>
</main></body></html>
`;
}
