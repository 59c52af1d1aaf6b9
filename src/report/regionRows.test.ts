import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../scoring/reportSchema.ts';
import { scoreRun } from '../scoring/scoreRun.ts';
import { buildRunDir } from '../../test/support/scoring/buildRunDir.ts';
import { renderHtml } from './html/renderHtml.ts';
import { regionRows } from './regionRows.ts';
import { renderMarkdown } from './renderMarkdown.ts';

let runDir: string;
let plain: Report;
beforeAll(async () => {
  ({ runDir } = await buildRunDir({
    durationMs: 60_000,
    ratePerSec: 5,
    faults: [{ id: 'f1', fromMs: 20_000, toMs: 40_000 }],
    respond: () => ({ ok: true, latencyMs: 10, outcome: 'done' }),
  }));
  plain = await scoreRun({ runDir });
});
afterAll(() => rm(runDir, { recursive: true, force: true }));

/** The same report as if its run had two client regions, Tirupati cut off in the fault (outages.md O8). */
function withRegions(report: Report): Report {
  return {
    ...report,
    phases: report.phases.map((phase) => ({
      ...phase,
      regions: {
        lucknow: { requests: 70, successes: 70, availability: 1, outcomes: { done: 70, queued: 0, failed: 0 } },
        '<tirupati>': phase.kind === 'fault' ? { requests: 30, successes: 0, availability: 0, outcomes: { done: 0, queued: 0, failed: 30 } } : { requests: 30, successes: 30, availability: 1, outcomes: { done: 30, queued: 0, failed: 0 } },
      },
    })),
  };
}

describe('per-region tables in the Markdown and HTML reports', () => {
  it('lists each phase per region, the cut-off region at 0% in the fault', () => {
    const report = withRegions(plain);
    expect(regionRows(report).filter((row) => row.phase === 'fault')).toEqual([
      { phase: 'fault', region: 'lucknow', requests: 70, availability: 1, done: 70, queued: 0, failed: 0 },
      { phase: 'fault', region: '<tirupati>', requests: 30, availability: 0, done: 0, queued: 0, failed: 30 },
    ]);
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('### By region');
    expect(markdown).toMatch(/\| fault \| lucknow \| 70 \| 100\.0% \| 70 \| 0 \| 0 \|/);
    const html = renderHtml(report);
    expect(html).toContain('<section id="regions"><h2>By region</h2>');
    expect(html).toContain('<td>&lt;tirupati&gt;</td>');
    expect(html).not.toContain('<td><tirupati></td>');
  });

  it('shows no region table for a run without regions', () => {
    expect(regionRows(plain)).toEqual([]);
    expect(renderMarkdown(plain)).not.toContain('By region');
    expect(renderHtml(plain)).not.toContain('id="regions"');
  });
});
