import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../mocks/shared/rng.ts';
import { wellFormedXmlProblem } from '../../test/support/wellFormedXml.ts';
import type { Report } from '../scoring/reportSchema.ts';
import { scoreRun } from '../scoring/scoreRun.ts';
import { buildRunDir } from '../../test/support/scoring/buildRunDir.ts';
import { buildScorecard } from './compare/buildScorecard.ts';
import { renderCompareHtml } from './compare/renderCompareHtml.ts';
import { renderCompareMarkdown } from './compare/renderCompareMarkdown.ts';
import { renderHtml } from './html/renderHtml.ts';
import { renderJunit } from './renderJunit.ts';
import { renderMarkdown } from './renderMarkdown.ts';

/** Pieces of text that break a format when passed through raw. */
const pieces = [
  '\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b[31m', '\u001f', '\u007f', '\u0085', '\u009b',
  '\ufffe', '\uffff', '\ud800', '\udfff', '\u202e', '\u2066', '\u2028', '\r', '\n', '\r\n', '\t',
  '<', '>', '&', '"', "'", '|', '`', ']]>', '<!--', '-->', '</testcase>', '<script>alert(1)</script>', '&amp;', '&#0;',
  '${x}', '\\', '**', '# ', 'ठप', '🏥', 'e\u0301',
];

/** A seeded hostile string of 1 to 12 pieces and letters. */
function hostile(rng: Rng): string {
  return Array.from({ length: 1 + Math.floor(rng() * 12) }, () => (rng() < 0.8 ? pieces[Math.floor(rng() * pieces.length)] : 'ab')).join('');
}

/** Report fields that carry free text from a scenario, a client or a run. */
const freeText = new Set(['name', 'title', 'client', 'error', 'expr', 'message', 'describe', 'faultId', 'explanation', 'warnings', 'lostSample', 'duplicatedSample', 'retryAmplificationRoute', 'label', 'kind', 'service', 'clientName', 'description', 'basedOn', 'unit', 'step', 'where', 'reason', 'route', 'method', 'text', 'summary']);

/** A copy of the report with every free-text field (and every item of a free-text list) made hostile. */
function poison(value: unknown, rng: Rng, key = ''): unknown {
  if (typeof value === 'string') return freeText.has(key) ? hostile(rng) : value;
  if (Array.isArray(value)) return value.map((item) => poison(item, rng, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, rng, k)]));
  return value;
}

/** Characters that must never reach a Markdown or HTML report raw: invisible controls, noncharacters, lone surrogates. */
// eslint-disable-next-line no-control-regex
const invisible = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

let runDir: string;
let report: Report;
beforeAll(async () => {
  ({ runDir } = await buildRunDir({
    name: 'hostile',
    durationMs: 60_000,
    ratePerSec: 5,
    gates: ['phase.fault.availability > 0.5', 'integrity.lost == 0'],
    faults: [{ id: 'f1', fromMs: 20_000, toMs: 40_000 }],
    respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 3000, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }),
  }));
  const scored = await scoreRun({ runDir });
  // A run error and a warning, so that those fields are rendered and poisoned too.
  report = { ...scored, run: { ...scored.run, error: 'k6 exited 107' }, warnings: ['a warning'] };
});
afterAll(async () => rm(runDir, { recursive: true, force: true }));

describe('fuzz: hostile text through every report format (seeded, 150 reports)', () => {
  it('JUnit stays well-formed XML; Markdown and HTML show no invisible control and gain no line, tag or table cell', () => {
    const rng = createRng(1414);
    const plainMd = renderMarkdown(report);
    const plainHtml = renderHtml(report);
    const scriptTags = (html: string) => (html.match(/<script/gi) ?? []).length;
    const cells = (md: string) => md.split('\n').map((line) => (line.replace(/\\\|/g, '').match(/\|/g) ?? []).length);
    for (let i = 0; i < 150; i++) {
      const bad = poison(report, rng) as Report;
      const junit = renderJunit(bad);
      expect(wellFormedXmlProblem(junit), `report ${i}: ${JSON.stringify(bad.scenario.name)}`).toBeUndefined();
      const md = renderMarkdown(bad);
      expect(md, `report ${i}`).not.toMatch(invisible);
      expect(cells(md), `report ${i}`).toEqual(cells(plainMd));
      const html = renderHtml(bad);
      expect(html, `report ${i}`).not.toMatch(invisible);
      expect(scriptTags(html), `report ${i}`).toBe(scriptTags(plainHtml));
    }
  });

  it('the comparison pages too', () => {
    const rng = createRng(1515);
    const scriptTags = (html: string) => (html.match(/<script/gi) ?? []).length;
    const plain = renderCompareHtml(buildScorecard({ inputs: ['a', 'b'].map((label) => ({ label, runDir: label, report })), mismatches: ['m'], now: new Date(0) }));
    for (let i = 0; i < 30; i++) {
      const inputs = [0, 1].map(() => ({ label: hostile(rng), runDir: hostile(rng), report: poison(report, rng) as Report }));
      const comparison = buildScorecard({ inputs, mismatches: [hostile(rng)], now: new Date(0) });
      const html = renderCompareHtml(comparison);
      expect(html, `comparison ${i}`).not.toMatch(invisible);
      expect(scriptTags(html), `comparison ${i}`).toBe(scriptTags(plain));
      expect(renderCompareMarkdown(comparison), `comparison ${i}`).not.toMatch(invisible);
    }
  });
});
