import { regionRows } from './regionRows.ts';
import type { Report } from '../scoring/index.ts';
import { fmtMs, fmtNum, fmtPct } from './format.ts';
import { escapeMarkdown as mdCell } from './safeText.ts';
import { checkFigure, clientLines, harmLines, incidentTimeOf, spanOf, verdictText } from './verdict.ts';
import { runFacts } from './runFacts.ts';
import { breakdownTables } from './breakdownTables.ts';
import { markdownTable } from './markdownTable.ts';
import { integrityFigures } from './integrityFigures.ts';

/**
 * A Markdown summary fit for a CI job summary (GitHub's $GITHUB_STEP_SUMMARY and the like): the facts first
 * (runFacts: verdict, validity, client, scenario, simulated day, work offered), the harm, then the evidence:
 * gates, phases, recovery, score.
 */
export function renderMarkdown(report: Report): string {
  const icon = report.status === 'passed' ? '✅' : report.status === 'failed' ? '❌' : '⚠️';
  const out: string[] = [];
  out.push(`## ${icon} thap: ${mdCell(report.scenario.title ?? report.scenario.name)} — ${mdCell(verdictText(report))}`);
  out.push('');
  // The facts first (verdict, validity, client, scenario, sources, simulated day, work offered), then the harm.
  // The heading carries the verdict.
  for (const fact of runFacts(report).filter((f) => f.label !== 'Verdict')) {
    if (fact.list) out.push(`- **${mdCell(fact.label)}:**`, ...fact.list.map((line) => `  - ${mdCell(line)}`));
    else out.push(`- **${mdCell(fact.label)}:** ${mdCell(fact.value)}`);
  }
  const harm = harmLines(report);
  if (harm.length > 0) out.push('', '### Harm to the hospital', '', ...harm.map((line) => `- ${mdCell(line)}`));
  out.push('', '### Evidence', '');
  const checks = report.validity?.checks ?? [];
  if (checks.some((check) => !check.passed)) {
    out.push('| | validity check | figure | why |', '|---|---|---|---|');
    for (const check of checks) out.push(`| ${check.passed ? '✅ pass' : '❌ fail'} | ${mdCell(check.name)} | ${mdCell(checkFigure(check))} | ${mdCell(check.message)} |`);
    out.push('');
  }
  out.push(`Scenario \`${mdCell(report.scenario.name)}\` · seed ${mdCell(report.scenario.seed)} · fingerprint \`${mdCell(report.scenario.fingerprint.slice(0, 23))}\` · thap ${mdCell(report.versions.thap)} · scoring ${mdCell(report.versions.scoring)}`);
  if (report.run.error) out.push('', `**Run error:** ${mdCell(report.run.error)}`);
  out.push('', ...clientLines(report).slice(1).map((line) => `- ${mdCell(line)}`));
  out.push('', '### Gates', '');
  if (report.gates.length === 0) out.push('No gates were set.');
  else {
    out.push('| | gate | actual |', '|---|---|---|');
    for (const g of report.gates) out.push(`| ${g.passed ? '✅ pass' : '❌ fail'} | ${mdCell(g.expr)} | ${g.actual === null ? `— ${mdCell(g.message ?? '')}` : mdCell(g.actual)} |`);
  }
  out.push('', '### Phases', '', '| phase | from | length | requests | availability | goodput | p50 | p95 | p99 |', '|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of report.phases) {
    out.push(`| ${mdCell(p.name)} | ${mdCell(incidentTimeOf(report, p.start))} | ${mdCell(spanOf(report, p.durationMs))} | ${p.requests} | ${fmtPct(p.availability)} | ${fmtPct(p.goodput)} | ${fmtMs(p.p50Ms)} | ${fmtMs(p.p95Ms)} | ${fmtMs(p.p99Ms)} |`);
  }
  const byRegion = regionRows(report);
  if (byRegion.length > 0) {
    out.push('', '### By region', '', '| phase | region | requests | availability | done | queued | failed |', '|---|---|---:|---:|---:|---:|---:|');
    for (const row of byRegion) out.push(`| ${mdCell(row.phase)} | ${mdCell(row.region)} | ${row.requests} | ${fmtPct(row.availability)} | ${row.done} | ${row.queued} | ${row.failed} |`);
  }
  for (const table of breakdownTables(report)) out.push(...markdownTable(table));
  const r = report.recovery;
  const i = report.integrity;
  out.push('', '### Recovery and integrity', '');
  for (const f of report.faults) out.push(`- fault ${mdCell(f.faultId)}: ${mdCell(f.describe)}, ${f.appliedAt === null ? 'never applied' : `${mdCell(incidentTimeOf(report, f.appliedAt))} to ${f.removedAt === null ? 'the end' : mdCell(incidentTimeOf(report, f.removedAt))}`}`);
  out.push(`- time to detect ${spanOf(report, r.ttdMs)}, time to recover ${spanOf(report, r.ttrMs)}, resilience loss ${fmtNum(r.resilienceLoss, 0)} %·simulated min${r.metastable ? ', **metastable**' : ''}`);
  out.push(`- ${integrityFigures(i)}`);
  if (report.nic.measured) out.push(`- retry amplification ${fmtNum(report.nic.retryAmplification)}, post-recovery peak ${fmtNum(report.nic.peakOverDemand, 1)}× the busiest demand (${fmtNum(report.nic.peakOverBaseline, 1)}× baseline), drain ${spanOf(report, report.nic.drainTimeMs)}`);
  out.push('', '### Score', '');
  if (report.score.total === null) out.push(`No score: ${mdCell(report.score.withheld ?? report.status)}. The components below are what was measured, not a verdict.`, '');
  else if (report.score.disqualified) out.push(`**Score 0, disqualified:** ${mdCell(report.score.disqualified)}. The components below are what was measured, not a verdict.`, '');
  out.push('| component | weight | value | points | why |', '|---|---:|---:|---:|---|');
  for (const c of report.score.components) out.push(`| ${mdCell(c.name)} | ${c.weight} | ${c.value === null ? 'n/a' : fmtPct(c.value, 0)} | ${c.points.toFixed(1)} | ${mdCell(c.explanation)} |`);
  for (const w of report.warnings) out.push('', `> ⚠️ ${mdCell(w)}`);
  return `${out.join('\n')}\n`;
}
