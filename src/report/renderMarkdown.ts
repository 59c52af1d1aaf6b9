import { regionRows } from './regionRows.ts';
import type { Report } from '../scoring/reportSchema.ts';
import { fmtMs, fmtNum, fmtPct } from './format.ts';
import { escapeMarkdown as mdCell } from './safeText.ts';
import { integrityFigures } from './integrityFigures.ts';

/** A Markdown summary fit for a CI job summary (GitHub's $GITHUB_STEP_SUMMARY and the like). */
export function renderMarkdown(report: Report): string {
  const icon = report.status === 'passed' ? '✅' : report.status === 'failed' ? '❌' : '⚠️';
  const out: string[] = [];
  out.push(`## ${icon} thap: ${mdCell(report.scenario.title ?? report.scenario.name)} — ${report.status} — score ${report.score.total.toFixed(1)}/100`);
  out.push('');
  out.push(`Scenario \`${mdCell(report.scenario.name)}\` · seed ${mdCell(report.scenario.seed)} · fingerprint \`${mdCell(report.scenario.fingerprint.slice(0, 23))}\` · thap ${mdCell(report.versions.thap)} · scoring ${mdCell(report.versions.scoring)}`);
  if (report.run.error) out.push('', `**Run error:** ${mdCell(report.run.error)}`);
  out.push('', '### Gates', '');
  if (report.gates.length === 0) out.push('No gates were set.');
  else {
    out.push('| | gate | actual |', '|---|---|---|');
    for (const g of report.gates) out.push(`| ${g.passed ? '✅ pass' : '❌ fail'} | ${mdCell(g.expr)} | ${g.actual === null ? `— ${mdCell(g.message ?? '')}` : mdCell(g.actual)} |`);
  }
  out.push('', '### Phases', '', '| phase | length | requests | availability | goodput | p50 | p95 | p99 |', '|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of report.phases) {
    out.push(`| ${mdCell(p.name)} | ${(p.durationMs / 1000).toFixed(0)} s | ${p.requests} | ${fmtPct(p.availability)} | ${fmtPct(p.goodput)} | ${fmtMs(p.p50Ms)} | ${fmtMs(p.p95Ms)} | ${fmtMs(p.p99Ms)} |`);
  }
  const byRegion = regionRows(report);
  if (byRegion.length > 0) {
    out.push('', '### By region', '', '| phase | region | requests | availability | done | queued | failed |', '|---|---|---:|---:|---:|---:|---:|');
    for (const row of byRegion) out.push(`| ${mdCell(row.phase)} | ${mdCell(row.region)} | ${row.requests} | ${fmtPct(row.availability)} | ${row.done} | ${row.queued} | ${row.failed} |`);
  }
  const r = report.recovery;
  const i = report.integrity;
  out.push('', '### Recovery and integrity', '');
  out.push(`- time to detect ${fmtMs(r.ttdMs)}, time to recover ${fmtMs(r.ttrMs)}, resilience loss ${fmtNum(r.resilienceLoss, 0)} %·simulated min${r.metastable ? ', **metastable**' : ''}`);
  out.push(`- ${integrityFigures(i)}`);
  if (report.nic.measured) out.push(`- retry amplification ${fmtNum(report.nic.retryAmplification)}, post-recovery peak ${fmtNum(report.nic.peakOverBaseline, 1)}× baseline, drain ${fmtMs(report.nic.drainTimeMs)}`);
  out.push('', '### Score', '', '| component | weight | value | points | why |', '|---|---:|---:|---:|---|');
  for (const c of report.score.components) out.push(`| ${mdCell(c.name)} | ${c.weight} | ${c.value === null ? 'n/a' : fmtPct(c.value, 0)} | ${c.points.toFixed(1)} | ${mdCell(c.explanation)} |`);
  for (const w of report.warnings) out.push('', `> ⚠️ ${mdCell(w)}`);
  return `${out.join('\n')}\n`;
}
