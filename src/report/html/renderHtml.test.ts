import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../scoring/reportSchema.ts';
import { scoreRun } from '../../scoring/scoreRun.ts';
import { buildRunDir } from '../../../test/support/scoring/buildRunDir.ts';
import { renderHtml } from './renderHtml.ts';

export const hostileName = '<script>alert("name")</script>';
export const hostileFault = '<img src=x onerror=alert(2)> & "quotes"';

let runDir: string;
let report: Report;
beforeAll(async () => {
  ({ runDir } = await buildRunDir({
    name: hostileName,
    durationMs: 60_000,
    ratePerSec: 10,
    gates: ['phase.fault.availability > 0.5', 'integrity.lost == 0'],
    faults: [{ id: 'f1', fromMs: 20_000, toMs: 40_000, describe: hostileFault }],
    respond: ({ inFault, index }) => (inFault ? { ok: false, latencyMs: 3, outcome: 'failed' } : { ok: true, latencyMs: 20 + (index % 7), outcome: 'done', stored: index === 5 ? 0 : 1 }),
  }));
  report = await scoreRun({ runDir });
});
afterAll(async () => rm(runDir, { recursive: true, force: true }));

describe('renderHtml', () => {
  it('escapes everything from the scenario: a scenario named <script> stays text', () => {
    const html = renderHtml(report);
    expect(html).not.toContain(hostileName);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt; &amp; &quot;quotes&quot;');
    // Only the three inline script elements (data, uPlot, charts) open a script.
    expect(html.match(/<script/g)?.length).toBe(3);
  });

  it('is one file that loads nothing: no external src or href, a CSP that forbids fetching', () => {
    const html = renderHtml(report);
    expect(html).not.toMatch(/\s(src|href)=["']?(https?:)?\/\//i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('uPlot');
  });

  it('has the score explained, the gates, phases, timeline, per-step, per-endpoint and error tables, recovery curve and ledger reconciliation', () => {
    const html = renderHtml(report);
    for (const id of ['score', 'gates', 'phases', 'timeline', 'steps', 'endpoints', 'errors', 'recovery', 'integrity', 'chart-rate', 'chart-errors', 'chart-latency', 'chart-recovery']) expect(html).toContain(`id="${id}"`);
    // Every request in the fault failed: the step table and the error breakdown say how many and why.
    expect(html).toMatch(/<tr><td>register<\/td><td class="num">600<\/td><td class="num">200<\/td><td class="num">33\.3%<\/td>/);
    expect(html).toMatch(/<tr><td>client → k6<\/td><td>register<\/td><td class="num">503<\/td><td>HTTP 503<\/td><td class="num">200<\/td><\/tr>/);
    // The patients refused in the fault were sent away, not kept waiting: no backlog to chart.
    expect(html).not.toContain('id="chart-backlog"');
    expect(html).toContain('"backlog":[]');
    for (const component of report.score.components) expect(html).toContain(component.explanation.replace(/&/g, '&amp;'));
    expect(html).toMatch(/<td class="fail">FAIL<\/td><td><code>phase\.fault\.availability &gt; 0\.5<\/code>/);
    expect(html).toMatch(/<th>lost<\/th><td class="num fail">1<\/td><td>e\.g\. <code>pt-5<\/code>/);
  });
});
