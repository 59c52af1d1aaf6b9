import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../scoring/reportSchema.ts';
import { scoreRun } from '../scoring/scoreRun.ts';
import { buildRunDir } from '../../test/support/scoring/buildRunDir.ts';
import { renderMarkdown } from './renderMarkdown.ts';

let runDir: string;
let report: Report;
beforeAll(async () => {
  ({ runDir } = await buildRunDir({
    name: 'opd|<b>&"x"',
    durationMs: 60_000,
    ratePerSec: 10,
    gates: ['phase.fault.availability > 0.5', 'integrity.lost == 0', 'recovery.ttr < 300s'],
    faults: [{ id: 'f1', fromMs: 20_000, toMs: 40_000 }],
    respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 3000, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }),
  }));
  report = await scoreRun({ runDir });
});
afterAll(async () => rm(runDir, { recursive: true, force: true }));

describe('renderMarkdown', () => {
  it('summarises status, gates, phases, integrity and score for a CI job summary', () => {
    const md = renderMarkdown(report);
    expect(md).toMatch(/^## ❌ thap: opd\\\|&lt;b&gt;&amp;"x" — FAILED — score \d+\.\d\/100\n\n- \*\*Validity:\*\* valid: \d checks passed \(faults\.onTime\); not measured: harness\.alive/);
    expect(md).toContain('| ❌ fail | phase.fault.availability &gt; 0.5 | 0 |');
    expect(md).toContain('| ✅ pass | integrity.lost == 0 | 0 |');
    expect(md).toMatch(/\| fault \| 09:20 \| 20 min \| 200 \| 0\.0% \|/);
    expect(md).toContain('- accepted 400, stored 400, lost 0, undelivered 0, false claims 0, duplicated 0, pending 0');
    expect(md.split('\n').filter((line) => line.startsWith('| ') && line.includes('absorb'))).toHaveLength(1);
  });
});
