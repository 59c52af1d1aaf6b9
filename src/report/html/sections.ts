import { regionRows } from '../regionRows.ts';
import type { Report } from '../../scoring/index.ts';
import { fmtMs, fmtNum, fmtPct } from '../format.ts';
import { escapeHtml as e } from '../safeText.ts';
import { incidentTimeOf, incidentTimeWithWall, spanOf } from '../verdict.ts';
import { formatTimeOfDay } from '../../util/index.ts';
import { hasBacklog, hasNicQueue } from './chartData.ts';
import { clockSpeedText } from '../runFacts.ts';

/** The HTML sections of one report; every value that comes from a scenario, a client or a run is escaped. */

export function headerSection(report: Report): string {
  const s = report.scenario;
  return `<header>
<h1>${e(s.title ?? s.name)} <span class="status ${e(report.status)}">${e(report.status.toUpperCase())}</span></h1>
<div class="meta">scenario <b>${e(s.name)}</b> · fingerprint <code>${e(s.fingerprint)}</code> · seed ${e(s.seed)} · run ${e(report.runId)}</div>
<div class="meta">${e(incidentTimeWithWall(report, report.run.startedAt))} to ${e(incidentTimeWithWall(report, report.run.endedAt))}${report.clock ? ` · ${e(clockSpeedText(report.clock))}` : ''} · run ${e(report.run.status)} · thap ${e(report.versions.thap)} · scoring ${e(report.versions.scoring)} · ${e(report.samples.httpRequests)} requests from ${e(report.samples.rows)} k6 samples</div>
${report.run.error ? `<p class="fail">run error: ${e(report.run.error)}</p>` : ''}
</header>`;
}

function scoreHeadline(report: Report): string {
  if (report.score.total === null) return `<p class="fail">No score: ${e(report.score.withheld ?? report.status)}. The components below are what was measured, not a verdict.</p>`;
  const total = `<div class="score">${e(report.score.total.toFixed(1))}<small>/100</small></div>`;
  if (!report.score.disqualified) return total;
  return `${total}\n<p class="fail">Disqualified: ${e(report.score.disqualified)}. The components below are what was measured, not a verdict.</p>`;
}

export function scoreSection(report: Report): string {
  const rows = report.score.components
    .map(
      (c) => `<tr><td>${e(c.name)}</td><td class="num">${e(c.weight)}</td><td class="num">${c.value === null ? 'n/a' : e(fmtPct(c.value, 0))}</td>
<td><div class="bar"><span style="width:${c.value === null ? 0 : Math.round(c.value * 100)}%"></span></div></td><td class="num">${e(c.points.toFixed(1))}</td><td>${e(c.explanation)}</td></tr>`,
    )
    .join('\n');
  return `<section id="score"><h2>Score</h2>
${scoreHeadline(report)}
<table><thead><tr><th>component</th><th class="num">weight</th><th class="num">value</th><th></th><th class="num">points</th><th>why</th></tr></thead><tbody>
${rows}
</tbody></table>
<p class="meta">Total = 100 × Σ weight × value / Σ weight over measured components (scoring ${e(report.score.version)}, docs/scoring.md).</p></section>`;
}

export function gatesSection(report: Report): string {
  if (report.gates.length === 0) return `<section id="gates"><h2>Gates</h2><p>No gates were set.</p></section>`;
  const rows = report.gates
    .map((g) => `<tr><td class="${g.passed ? 'pass' : 'fail'}">${g.passed ? 'PASS' : 'FAIL'}</td><td><code>${e(g.expr)}</code></td><td class="num">${g.actual === null ? '—' : e(g.actual)}</td><td>${e(g.message ?? '')}</td></tr>`)
    .join('\n');
  return `<section id="gates"><h2>Gates</h2><table><thead><tr><th></th><th>gate</th><th class="num">actual</th><th></th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

/** Each phase per client region (outages.md O8: one region cut off, the others fine); nothing without regions. */
export function regionsSection(report: Report): string {
  const rows = regionRows(report)
    .map((row) => `<tr><td>${e(row.phase)}</td><td>${e(row.region)}</td><td class="num">${e(row.requests)}</td><td class="num">${e(fmtPct(row.availability))}</td><td class="num">${e(row.done)} / ${e(row.queued)} / ${e(row.failed)}</td></tr>`)
    .join('\n');
  if (!rows) return '';
  return `<section id="regions"><h2>By region</h2><table><thead><tr><th>phase</th><th>region</th><th class="num">requests</th><th class="num">availability</th><th class="num">done / queued / failed</th></tr></thead><tbody>
${rows}
</tbody></table></section>`;
}

export function phasesSection(report: Report): string {
  const rows = report.phases
    .map(
      (p) => `<tr><td>${e(p.name)}</td><td>${e(incidentTimeOf(report, p.start))}</td><td class="num">${e(spanOf(report, p.durationMs))}</td><td class="num">${e(p.requests)}</td><td class="num">${e(fmtPct(p.availability))}</td><td class="num">${e(fmtPct(p.goodput))}</td>
<td class="num">${e(fmtMs(p.p50Ms))}</td><td class="num">${e(fmtMs(p.p95Ms))}</td><td class="num">${e(fmtMs(p.p99Ms))}</td><td class="num">${e(fmtNum(p.latencyInflation, 1))}</td><td class="num">${e(fmtMs(p.failFastMs))}</td>
<td class="num">${e(p.outcomes.done)} / ${e(p.outcomes.queued)} / ${e(p.outcomes.failed)}</td></tr>`,
    )
    .join('\n');
  return `<section id="phases"><h2>Phases</h2><table><thead><tr><th>phase</th><th>from</th><th class="num">length</th><th class="num">requests</th><th class="num">availability</th><th class="num">goodput</th>
<th class="num">p50</th><th class="num">p95</th><th class="num">p99</th><th class="num">p95 ×base</th><th class="num">fail-fast</th><th class="num">done / queued / failed</th></tr></thead><tbody>
${rows}
</tbody></table><p class="meta">Goodput: successful answers within the ${e(report.settings.sloMs)} ms SLO per offered request. Faults:</p>
<ul>${report.faults.map((f) => `<li><b>${e(f.faultId)}</b> ${e(f.describe || `${f.service}: ${f.kind}`)} — ${f.appliedAt === null ? '<span class="fail">never applied</span>' : `${e(incidentTimeWithWall(report, f.appliedAt))} to ${f.removedAt === null ? 'end' : e(incidentTimeWithWall(report, f.removedAt))}`}${f.error ? ` <span class="fail">${e(f.error)}</span>` : ''}</li>`).join('')}</ul></section>`;
}

export function timelineSection(report: Report): string {
  return `<section id="timeline"><h2>Timeline</h2><p class="meta"><span class="legend-band"></span> fault active (labelled with its fault id). Times of day on the incident's clock. Journeys arriving: visits started per simulated minute (patients, samples), whatever the client answered, so an outage does not look as if patients stopped coming; requests answered and NIC attempts are on the same per-simulated-minute scale.</p>
<div class="chart" id="chart-rate"></div><div class="chart" id="chart-errors"></div><div class="chart" id="chart-latency"></div>
${hasBacklog(report) || hasNicQueue(report) ? `<div class="chart" id="chart-backlog"></div><p class="meta">Backlog: work waiting at the client, accepted (done or queued) and not yet stored at NIC, per journey kind; and requests waiting in NIC's own capacity queues (the mocks' queues, on average over each bucket of the timeline). ${e(report.harm.backlog?.text ?? '')}</p>` : ''}</section>`;
}

export function recoverySection(report: Report): string {
  const r = report.recovery;
  return `<section id="recovery"><h2>Recovery</h2>
<table><tbody>
<tr><th>time to detect</th><td class="num">${e(spanOf(report, r.ttdMs))}</td><td>fault start until the client answered fast (or degraded) for the rest of the fault</td></tr>
<tr><th>time to recover</th><td class="num">${e(spanOf(report, r.ttrMs))}</td><td>fault end until Q(t) held at ${e(fmtPct(1 - r.epsilon, 0))} of baseline for ${e(spanOf(report, r.holdWindowMs))}</td></tr>
<tr><th>resilience loss</th><td class="num">${e(fmtNum(r.resilienceLoss, 0))} %·simulated min</td><td>area under 100 − Q(t) from fault start to the end</td></tr>
<tr><th>metastable</th><td class="num">${r.metastable === null ? '—' : r.metastable ? '<span class="fail">yes</span>' : 'no'}</td><td>hold-phase goodput at ${e(fmtPct(r.holdGoodputRatio))} of baseline</td></tr>
</tbody></table><div class="chart" id="chart-recovery"></div></section>`;
}

export function integritySection(report: Report): string {
  const i = report.integrity;
  return `<section id="integrity"><h2>Ledger reconciliation</h2>
<table><tbody>
<tr><th>accepted by the client</th><td class="num">${e(i.accepted)}</td><td>${e(i.done)} done, ${e(i.queued)} queued only</td></tr>
<tr><th>stored by NIC</th><td class="num">${e(i.stored)}</td><td>${e(i.ledgerRecords)} ledger lines</td></tr>
<tr><th>lost</th><td class="num ${i.lost ? 'fail' : 'pass'}">${e(i.lost)}</td><td>${i.lostSample.length ? `e.g. ${i.lostSample.map((ref) => `<code>${e(ref)}</code>`).join(', ')}` : 'answered done and stored'}</td></tr>
<tr><th>undelivered</th><td class="num ${i.undelivered ? 'fail' : 'pass'}">${e(i.undelivered)}</td><td>accepted, not stored at NIC by the drain deadline${i.drainDeadlineSimMs === null ? '' : ` (${e(formatTimeOfDay(i.drainDeadlineSimMs))} simulated)`}, whatever the client said</td></tr>
<tr><th>false claims</th><td class="num ${i.falseClaims ? 'fail' : 'pass'}">${e(i.falseClaims)}</td><td>${i.falseClaimSamples.length ? `done with a NIC id NIC never issued for it, e.g. ${i.falseClaimSamples.map((ref) => `<code>${e(ref)}</code>`).join(', ')}` : 'every done names an id NIC issued for it'}</td></tr>
<tr><th>pending</th><td class="num">${e(i.pending)}</td><td>queued by the client, not stored when the run ended</td></tr>
<tr><th>duplicated</th><td class="num ${i.duplicated ? 'fail' : 'pass'}">${e(i.duplicated)}</td><td>${i.duplicatedSample.length ? `${e(i.extraRecords)} extra records, e.g. ${i.duplicatedSample.map((key) => `<code>${e(key)}</code>`).join(', ')}` : 'no business entity stored twice'}</td></tr>
<tr><th>unclaimed</th><td class="num">${e(i.unclaimed)}</td><td>stored records the client never reported accepting</td></tr>
</tbody></table></section>`;
}

export function nicSection(report: Report): string {
  const n = report.nic;
  if (!n.measured) return `<section id="nic"><h2>NIC side</h2><p>No upstream request log in this run.</p></section>`;
  return `<section id="nic"><h2>NIC side</h2><table><tbody>
<tr><th>retry amplification</th><td class="num">${e(fmtNum(n.retryAmplification))}</td><td>${e(n.upstreamRequests)} upstream attempts for ${e(n.logicalRequests)} logical requests</td></tr>
<tr><th>peak after recovery</th><td class="num">${e(fmtNum(n.peakUpstreamPerSecAfterRecovery, 1))}/s</td><td>${e(fmtNum(n.peakOverDemand, 1))}× the busiest demand (${e(fmtNum(n.busiestDemandUpstreamPerSec, 1))}/s), ${e(fmtNum(n.peakOverBaseline, 1))}× baseline (${e(fmtNum(n.baselineUpstreamPerSec, 1))}/s)${n.capacityPerSec ? `, ${e(fmtNum(n.peakOverCapacity, 2))}× capacity` : ''}</td></tr>
<tr><th>drain time</th><td class="num">${e(spanOf(report, n.drainTimeMs))}</td><td>fault end until the last record accepted during the fault was stored</td></tr>
<tr><th>Retry-After honoured</th><td class="num">${e(fmtPct(n.retryAfter.ratio))}</td><td>${e(n.retryAfter.honoured)} of ${e(n.retryAfter.observed)}</td></tr>
</tbody></table></section>`;
}

export function warningsSection(report: Report): string {
  if (report.warnings.length === 0) return '';
  return `<section id="warnings"><h2>Warnings</h2><ul>${report.warnings.map((w) => `<li class="warning">${e(w)}</li>`).join('')}</ul></section>`;
}
