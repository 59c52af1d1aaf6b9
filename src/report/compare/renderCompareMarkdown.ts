import { escapeMarkdown as mdCell } from '../safeText.ts';
import { fmtMs } from '../format.ts';
import { dimensions, type Comparison, type Stat } from './buildComparison.ts';

function pct(s: Stat | undefined): string {
  if (!s || s.mean === null) return 'n/a';
  return `${(s.mean * 100).toFixed(1)}%${s.n > 1 ? ` ± ${((s.spread ?? 0) * 100).toFixed(1)}` : ''}`;
}

/** The comparison as Markdown; a mismatch is stated first. */
export function renderCompareMarkdown(c: Comparison): string {
  const out: string[] = [`## thap comparison: ${mdCell(c.scenario.name)}`, ''];
  if (c.mismatches.length) out.push('> ⚠️ **NOT A FAIR COMPARISON** — runs differ:', ...c.mismatches.map((m) => `> - ${mdCell(m)}`), '');
  out.push(`Fingerprint \`${mdCell(c.scenario.fingerprint.slice(0, 23))}\` · seed ${mdCell(c.scenario.seed)} · thap ${mdCell(c.versions.thap)} · scoring ${mdCell(c.versions.scoring)}`, '');
  out.push(`| | ${c.clients.map((client) => `${mdCell(client.label)} (${client.runs.length})`).join(' | ')} |`);
  out.push(`|---|${c.clients.map(() => '---:').join('|')}|`);
  out.push(`| score | ${c.clients.map((client) => (client.score.mean === null ? 'n/a' : `${client.score.mean.toFixed(1)}${client.score.n > 1 ? ` ± ${(client.score.spread ?? 0).toFixed(1)}` : ''}`)).join(' | ')} |`);
  for (const d of dimensions) out.push(`| ${d.name} | ${c.clients.map((client) => pct(client.dimensions[d.name])).join(' | ')} |`);
  out.push(`| records lost | ${c.clients.map((client) => (client.lost.mean === null ? 'n/a' : client.lost.mean.toFixed(1))).join(' | ')} |`);
  out.push(`| time to recover | ${c.clients.map((client) => fmtMs(client.ttrMs.mean)).join(' | ')} |`);
  out.push(`| gates passed | ${c.clients.map((client) => `${client.gatesPassed} / ${client.gatesTotal}`).join(' | ')} |`);
  if (c.mismatches.length) out.push('', '> ⚠️ Mismatched runs: see the note at the top.');
  return `${out.join('\n')}\n`;
}
