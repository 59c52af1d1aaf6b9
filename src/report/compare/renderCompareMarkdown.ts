import { escapeMarkdown as mdCell } from '../safeText.ts';
import { fmtSimSpan } from '../format.ts';
import { dimensions, type Comparison, type Stat } from './buildComparison.ts';
import type { Scorecard } from './buildScorecard.ts';

function pct(s: Stat | undefined): string {
  if (!s || s.mean === null) return 'n/a';
  return `${(s.mean * 100).toFixed(1)}%${s.n > 1 ? ` ± ${((s.spread ?? 0) * 100).toFixed(1)}` : ''}`;
}

function score(s: Stat | undefined): string {
  if (!s || s.mean === null) return 'n/a';
  return `${s.mean.toFixed(1)}${s.n > 1 ? ` ± ${(s.spread ?? 0).toFixed(1)}` : ''}`;
}

function scenarioLines(c: Comparison): string[] {
  const out = ['', `### ${mdCell(c.scenario.title ?? c.scenario.name)}`, '', `**${mdCell(c.verdict)}**`];
  if (c.noise) out.push('', `> ⚠️ Within the noise? ${mdCell(c.noise)}`);
  for (const client of c.clients) if (client.unsteady) out.push('', `> ⚠️ Unsteady: ${mdCell(client.unsteady)}`);
  out.push('', `Scenario \`${mdCell(c.scenario.name)}\` · fingerprint \`${mdCell(c.scenario.fingerprint.slice(0, 23))}\` · seed ${mdCell(c.scenario.seed)}`, '');
  out.push(`| | ${c.clients.map((client) => `${mdCell(client.label)} (${client.runs.length})`).join(' | ')} |`);
  out.push(`|---|${c.clients.map(() => '---:').join('|')}|`);
  out.push(`| score | ${c.clients.map((client) => score(client.score)).join(' | ')} |`);
  for (const d of dimensions) out.push(`| ${d.name} | ${c.clients.map((client) => pct(client.dimensions[d.name])).join(' | ')} |`);
  out.push(`| records lost | ${c.clients.map((client) => (client.lost.mean === null ? 'n/a' : client.lost.mean.toFixed(1))).join(' | ')} |`);
  out.push(`| time to recover | ${c.clients.map((client) => fmtSimSpan(client.ttrMs.mean)).join(' | ')} |`);
  out.push(`| gates passed | ${c.clients.map((client) => `${client.gatesPassed} / ${client.gatesTotal}`).join(' | ')} |`);
  if (c.clients.some((client) => client.disqualifiedRuns > 0)) out.push(`| disqualified (made-up NIC ids) | ${c.clients.map((client) => (client.disqualifiedRuns > 0 ? `**${client.disqualifiedRuns} of ${client.runs.length}**` : 'no')).join(' | ')} |`);
  return out;
}

/** The scorecard as Markdown: a mismatch first, the fairness checks, each vendor over every scenario, then each scenario. */
export function renderCompareMarkdown(card: Scorecard): string {
  const title = card.scenarios.length === 1 ? (card.scenarios[0]?.scenario.name ?? '') : `${card.scenarios.length} scenarios`;
  const out: string[] = [`## thap comparison: ${mdCell(title)}`, ''];
  if (card.mismatches.length) out.push('> ⚠️ **NOT A FAIR COMPARISON** — runs differ:', ...card.mismatches.map((m) => `> - ${mdCell(m)}`), '');
  out.push('**Fairness checks**', '', ...card.fairness.map((line) => `- ${mdCell(line)}`));
  if (card.scenarios.length > 1) {
    out.push('', '### Vendor scorecard', '', ...card.vendors.map((vendor) => `- ${mdCell(vendor.verdict)}`), '');
    out.push(`| score per scenario | ${card.vendors.map((vendor) => mdCell(vendor.label)).join(' | ')} |`, `|---|${card.vendors.map(() => '---:').join('|')}|`);
    for (const scenario of card.scenarios) out.push(`| ${mdCell(scenario.scenario.title ?? scenario.scenario.name)} | ${card.vendors.map((vendor) => { const client = scenario.clients.find((c) => c.label === vendor.label); return client ? score(client.score) : 'not run'; }).join(' | ')} |`);
    for (const d of dimensions) out.push(`| ${d.name} (mean over scenarios) | ${card.vendors.map((vendor) => pct(vendor.dimensions[d.name])).join(' | ')} |`);
  }
  for (const scenario of card.scenarios) out.push(...scenarioLines(scenario));
  if (card.mismatches.length) out.push('', '> ⚠️ Mismatched runs: see the note at the top.');
  return `${out.join('\n')}\n`;
}
