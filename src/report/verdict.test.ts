import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../scoring/reportSchema.ts';
import { scoreRun } from '../scoring/scoreRun.ts';
import { buildRunDir } from '../../test/support/scoring/buildRunDir.ts';
import { formatSummary } from './formatSummary.ts';
import { fmtSimSpan, fmtSimTime } from './format.ts';
import { renderHtml } from './html/renderHtml.ts';
import { renderJunit } from './renderJunit.ts';
import { renderMarkdown } from './renderMarkdown.ts';
import { clientLines } from './verdict.ts';

const t0 = 1_700_000_000_000;
let runDir: string;
let invalid: Report;
beforeAll(async () => {
  ({ runDir } = await buildRunDir({
    durationMs: 60_000,
    ratePerSec: 10,
    client: ['node', 'examples/naive/server.ts'],
    faults: [{ id: 'f1', fromMs: 20_000, toMs: 35_000, bytes: null }],
    clock: { speed: 60, startSim: 9.5 * 3_600_000 },
    runJson: {
      client: { health: { url: 'http://127.0.0.1:8080/health', ok: true, checkedAt: t0 }, exits: [{ at: t0 + 40_000, code: 1, signal: null }] },
      harness: { failures: [{ process: 'mocks', at: t0 + 25_000, kind: 'exited', detail: 'signal SIGKILL' }] },
    },
    respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 3, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }),
  }));
  const scored = await scoreRun({ runDir });
  // run.json's client record reaches the report as it is.
  expect(scored.run.client).toEqual({ health: { url: 'http://127.0.0.1:8080/health', ok: true, checkedAt: t0 }, exits: [{ at: t0 + 40_000, code: 1, signal: null }] });
  // Harm sentences of a known shape (INTERFACES.md report.harm); the clock is the fixture's, 09:30 at 60x.
  invalid = {
    ...scored,
    harm: { journeys: [], backlog: null, summary: ['150 patients not registered'] },
  };
});
afterAll(async () => rm(runDir, { recursive: true, force: true }));

describe('every report format opens with the verdict and validity, and tells the incident', () => {
  it('the CLI summary: verdict, validity, client, health, exit, harm, times of day', () => {
    const lines = formatSummary(invalid).split('\n');
    expect(lines[0]).toMatch(/^fixture — INVALID — no score: the harness or the machine, not the client, is to blame; repeat the run \(scoring [\d.]+\)$/);
    expect(lines[1]).toBe('INVALID: harness.alive failed');
    expect(lines[2]).toBe('  FAIL  validity harness.alive: 1 failures (bound 0 failures): the mocks process exited at sim 09:55 (signal SIGKILL): the harness, not the client, failed');
    expect(lines).toContain('client under test: naive (node examples/naive/server.ts)');
    expect(lines).toContain("simulated day: 09:30 to 10:30 (1 h simulated) at 60× the incident's speed (1 min wall)");
    expect(lines).toContain('health check: answered (http://127.0.0.1:8080/health)');
    expect(lines).toContain('client EXITED at 10:10: code 1');
    expect(lines).toContain('harm: 150 patients not registered');
    expect(lines.find((line) => line.startsWith('  fault '))).toMatch(/^ {2}fault +09:50-10:05 +15 min +requests/);
    expect(lines.find((line) => line.startsWith('score'))).toMatch(/^score: none \(invalid run: harness\.alive: .*\); components as measured, not a verdict: absorb/);
  });

  it('Markdown: the verdict heading, the validity table, client and harm before the gates', () => {
    const md = renderMarkdown(invalid);
    expect(md).toMatch(/^## ⚠️ thap: fixture — INVALID — no score: .*\n\n- \*\*Validity:\*\* INVALID: harness\.alive failed\n- \*\*Client under test:\*\* naive \(node examples\/naive\/server\.ts\)\n- \*\*Scenario:\*\* fixture\n- \*\*Simulated day:\*\* 09:30 to 10:30/);
    expect(md.indexOf('| ❌ fail | harness.alive | 1 failures (bound 0 failures) |')).toBeGreaterThan(md.indexOf('### Evidence'));
    for (const text of ['- client EXITED at 10:10: code 1', '### Harm to the hospital\n\n- 150 patients not registered', '| fault | 09:50 | 15 min |', 'No score: invalid run']) expect(md).toContain(text);
    expect(md.indexOf('### Harm')).toBeLessThan(md.indexOf('### Evidence'));
    expect(md.indexOf('### Evidence')).toBeLessThan(md.indexOf('### Gates'));
  });

  it('HTML: the facts, the harm, then the evidence (validity, client, score withheld)', () => {
    const html = renderHtml(invalid);
    const order = ['id="facts"', 'id="harm"', 'id="validity"', 'id="client"', 'id="score"'].map((id) => html.indexOf(id));
    expect(order.every((at, index) => at > 0 && (index === 0 || at > (order[index - 1] ?? 0)))).toBe(true);
    expect(html).toContain('<tr><th>Verdict</th><td>INVALID — no score:');
    expect(html).toContain('<tr><th>Client under test</th><td>naive (node examples/naive/server.ts)</td></tr>');
    expect(html).toContain('<li class="fail">client EXITED at 10:10: code 1</li>');
    expect(html).toContain('<li>150 patients not registered</li>');
    expect(html).not.toContain('<div class="score">');
    expect(html).toContain('09:30 (wall 2023-11-14 22:13:20Z)');
    expect(html).toContain('"xClock":true');
  });

  it('JUnit: the client and harm as properties, the validity failure as a testcase', () => {
    const xml = renderJunit(invalid);
    expect(xml).toContain('<property name="client" value="node examples/naive/server.ts"/>');
    expect(xml).toContain('<property name="harm" value="150 patients not registered"/>');
    expect(xml).toMatch(/<testcase classname="thap.validity" name="validity harness.alive" time="0">\n\s+<failure /);
  });

  it('says a client that failed its health check exited before it became healthy, not mid-run', () => {
    const health = { url: 'http://127.0.0.1:8080/health', ok: false, checkedAt: t0 + 5_000, error: 'connection refused' };
    const lines = clientLines({ ...invalid, run: { ...invalid.run, client: { health, exits: [{ at: t0 + 1_000, code: 1, signal: null }] } } });
    expect(lines).toContain('client EXITED before it became healthy, at 09:31: code 1');
  });

  it('formats simulated times of day and spans', () => {
    expect(fmtSimTime(9 * 3_600_000 + 50 * 60_000)).toBe('09:50');
    expect(fmtSimTime(24 * 3_600_000 + 30 * 60_000)).toBe('day 2 00:30');
    expect([fmtSimSpan(45_000), fmtSimSpan(12 * 60_000), fmtSimSpan(90 * 60_000), fmtSimSpan(null)]).toEqual(['45 s', '12 min', '1 h 30 min', '—']);
  });
});

describe('a client disqualified for made-up NIC ids', () => {
  let liarDir: string;
  let liar: Report;
  beforeAll(async () => {
    ({ runDir: liarDir } = await buildRunDir({
      durationMs: 60_000,
      ratePerSec: 10,
      faults: [{ id: 'f1', fromMs: 20_000, toMs: 35_000 }],
      respond: ({ inFault, index }) => (inFault ? { ok: true, latencyMs: 3, outcome: 'done', stored: 0, claimedId: `MADE-UP-${index}` } : { ok: true, latencyMs: 20, outcome: 'done' }),
    }));
    liar = await scoreRun({ runDir: liarDir });
  });
  afterAll(async () => rm(liarDir, { recursive: true, force: true }));

  it('scores 0 and says why in every format, with the components as measured', () => {
    expect(liar.score.total).toBe(0);
    const reason = `${liar.integrity.falseClaims} answers claimed NIC ids NIC never issued`;
    expect(formatSummary(liar).split('\n')[0]).toContain('FAILED — score 0.0/100 (disqualified: made-up NIC ids)');
    expect(formatSummary(liar)).toMatch(new RegExp(`^score 0\\.0, disqualified: ${reason}.*; components as measured, not a verdict: absorb`, 'm'));
    expect(renderMarkdown(liar)).toContain(`**Score 0, disqualified:** ${reason}`);
    expect(renderHtml(liar)).toContain(`<p class="fail">Disqualified: ${reason}`);
    expect(renderJunit(liar)).toContain('<property name="score" value="0"/>');
  });
});
