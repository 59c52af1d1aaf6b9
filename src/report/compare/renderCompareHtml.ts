import { htmlAssets } from '../html/assets.ts';
import { escapeHtml as e } from '../safeText.ts';
import { fmtSimSpan } from '../format.ts';
import { jsonForScript } from '../html/jsonForScript.ts';
import { compareChartsJs } from './compareChartsJs.ts';
import type { Scorecard } from './buildScorecard.ts';
import { dimensions, type Comparison, type Stat } from './buildComparison.ts';

function cell(s: Stat, scale = 100, unit = ''): string {
  if (s.mean === null) return '<td class="num">n/a</td>';
  const spread = s.n > 1 ? ` <small>± ${e((s.spread ?? 0) * scale >= 10 ? Math.round((s.spread ?? 0) * scale) : ((s.spread ?? 0) * scale).toFixed(1))}${unit}</small>` : '';
  return `<td class="num">${e((s.mean * scale).toFixed(scale === 1 ? 0 : 1))}${unit}${spread}<div class="bar"><span style="width:${Math.round(Math.min(1, Math.max(0, s.mean)) * 100)}%"></span></div></td>`;
}

/** A row only when a client was disqualified for made-up NIC ids: its score of 0 is a forged record, not a weak run. */
function disqualifiedRow(c: Comparison): string {
  if (!c.clients.some((client) => client.disqualifiedRuns > 0)) return '';
  return `\n<tr><th>disqualified<br><small class="meta">answered done with NIC ids NIC never issued</small></th>${c.clients.map((client) => (client.disqualifiedRuns > 0 ? `<td class="num fail">${e(client.disqualifiedRuns)} of ${e(client.runs.length)}</td>` : '<td class="num">no</td>')).join('')}</tr>`;
}

/** One scenario's comparison: its verdict, any noise warning, the dimensions table, Q(t) overlaid, the runs. */
function scenarioSection(c: Comparison, index: number): string {
  const head = c.clients.map((client) => `<th class="num">${e(client.label)}<br><small>${e(client.runs.length)} run(s)</small></th>`).join('');
  const dimensionRows = dimensions
    .map((d) => `<tr><th>${e(d.name)}<br><small class="meta">${e(d.question)}</small></th>${c.clients.map((client) => cell(client.dimensions[d.name] ?? { mean: null, spread: null, n: 0 }, 100, '%')).join('')}</tr>`)
    .join('\n');
  const scoreRow = `<tr><th>score (0-100)</th>${c.clients.map((client) => cell({ ...client.score, mean: client.score.mean === null ? null : client.score.mean / 100, spread: client.score.spread === null ? null : client.score.spread / 100 }, 100)).join('')}</tr>`;
  const lostRow = `<tr><th>records lost</th>${c.clients.map((client) => `<td class="num">${client.lost.mean === null ? 'n/a' : e(client.lost.mean.toFixed(1))}${client.lost.n > 1 ? ` <small>± ${e((client.lost.spread ?? 0).toFixed(1))}</small>` : ''}</td>`).join('')}</tr>`;
  const ttrRow = `<tr><th>time to recover</th>${c.clients.map((client) => `<td class="num">${e(fmtSimSpan(client.ttrMs.mean))}${client.ttrMs.n < client.runs.length ? ` <small>(${e(client.runs.length - client.ttrMs.n)} never)</small>` : ''}</td>`).join('')}</tr>`;
  const gatesRow = `<tr><th>gates passed</th>${c.clients.map((client) => `<td class="num">${e(client.gatesPassed)} / ${e(client.gatesTotal)}</td>`).join('')}</tr>${disqualifiedRow(c)}`;
  const runs = c.clients
    .flatMap((client) => client.runs.map((run) => `<tr><td>${e(client.label)}</td><td>${e(run.runId)}</td><td>${e(run.status)}</td><td class="num">${run.score === null ? '—' : e(run.score.toFixed(1))}</td><td><code>${e(run.runDir)}</code></td></tr>`))
    .join('\n');
  return `<section class="scenario" id="scenario-${index}"><h2>${e(c.scenario.title ?? c.scenario.name)}</h2>
<div class="meta">scenario <b>${e(c.scenario.name)}</b> · fingerprint <code>${e(c.scenario.fingerprint)}</code> · seed ${e(c.scenario.seed)}</div>
<p class="verdict">${e(c.verdict)}</p>
${c.noise ? `<p class="warning noise">Within the noise? ${e(c.noise)}</p>` : ''}
${c.clients.map((client) => (client.unsteady ? `<p class="warning unsteady">Unsteady: ${e(client.unsteady)}</p>` : '')).join('')}
<h3>Dimensions (normalised, 100% best; mean ± half-range over repeats)</h3>
<table><thead><tr><th></th>${head}</tr></thead><tbody>
${scoreRow}
${dimensionRows}
${lostRow}
${ttrRow}
${gatesRow}
</tbody></table>
<h3>Recovery curves Q(t), overlaid on the incident's clock</h3>
<div class="chart" id="chart-q-${index}"></div>
<h3>Runs</h3>
<table><thead><tr><th>client</th><th>run</th><th>status</th><th class="num">score</th><th>directory</th></tr></thead><tbody>
${runs}
</tbody></table></section>`;
}

/** Each client over every scenario (a scorecard of several scenarios): mean score, scenarios led, per dimension. */
function vendorsSection(card: Scorecard): string {
  if (card.scenarios.length < 2) return '';
  const head = card.vendors.map((vendor) => `<th class="num">${e(vendor.label)}</th>`).join('');
  const perScenario = card.scenarios
    .map((scenario) => `<tr><th>${e(scenario.scenario.title ?? scenario.scenario.name)}</th>${card.vendors.map((vendor) => {
      const client = scenario.clients.find((c) => c.label === vendor.label);
      return client ? cell({ ...client.score, mean: client.score.mean === null ? null : client.score.mean / 100, spread: client.score.spread === null ? null : client.score.spread / 100 }, 100) : '<td class="num">not run</td>';
    }).join('')}</tr>`)
    .join('\n');
  const perDimension = dimensions.map((d) => `<tr><th>${e(d.name)} <small class="meta">mean over scenarios</small></th>${card.vendors.map((vendor) => cell(vendor.dimensions[d.name] ?? { mean: null, spread: null, n: 0 }, 100, '%')).join('')}</tr>`).join('\n');
  return `<section id="vendors"><h2>Vendor scorecard over ${e(card.scenarios.length)} scenarios</h2>
<ul class="verdicts">${card.vendors.map((vendor) => `<li>${e(vendor.verdict)}</li>`).join('')}</ul>
<table><thead><tr><th>score per scenario (mean ± half-range over repeats)</th>${head}</tr></thead><tbody>
${perScenario}
${perDimension}
</tbody></table><p class="meta">Per dimension: the mean over scenarios of each scenario's mean, ± half the range across scenarios (how uneven the client is, not repeat noise).</p></section>`;
}

/**
 * The vendor scorecard for procurement as one printable HTML file: the fairness checks stated, each vendor over
 * every scenario, then per scenario a verdict, a warning where a difference may be noise, the dimensions and the
 * recovery curves overlaid (uPlot inlined, nothing fetched). A mismatch is marked at the top of the page and
 * repeated on every printed page.
 */
export function renderCompareHtml(card: Scorecard): string {
  const { css, uplotCss, uplotJs } = htmlAssets();
  const banner = card.mismatches.length
    ? `<div class="mismatch">NOT A FAIR COMPARISON — runs differ:<ul>${card.mismatches.map((m) => `<li>${e(m)}</li>`).join('')}</ul></div>`
    : '';
  const printBanner = card.mismatches.length ? `<div class="mismatch print-every-page">Mismatched runs: ${e(card.mismatches.length)} difference(s), see page 1</div>` : '';
  const title = card.scenarios.length === 1 ? (card.scenarios[0]?.scenario.title ?? card.scenarios[0]?.scenario.name ?? '') : `${card.scenarios.length} scenarios`;
  const curves = card.scenarios.map((scenario) => scenario.curves);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>thap comparison: ${e(title)}</title>
<style>${uplotCss}</style>
<style>${css}
.print-every-page { display: none; }
.noise { font-weight: 600; }
@media print { .print-every-page { display: block; position: fixed; top: 0; left: 0; right: 0; font-size: 11px; padding: 2px 8px; } main { padding-top: 28px; } }
</style></head><body>${printBanner}<main>
<h1>Resilience comparison: ${e(title)}</h1>
<div class="meta">${e(card.vendors.map((vendor) => vendor.label).join(' · '))} · ${e(card.generatedAt)}</div>
${banner}
<section id="fairness"><h2>Fairness checks</h2><ul>${card.fairness.map((line) => `<li class="${line.startsWith('checked') ? 'pass' : 'fail'}">${e(line)}</li>`).join('')}</ul></section>
${vendorsSection(card)}
${card.scenarios.map(scenarioSection).join('\n')}
<p class="meta">Each dimension is the matching component of the score (docs/scoring.md): detect = fail-fast, absorb, abandoned, recover, integrity, amplification.</p>
</main>
<script type="application/json" id="thap-curves">${jsonForScript(curves)}</script>
<script>${uplotJs}</script>
<script>${compareChartsJs()}</script>
</body></html>
`;
}
