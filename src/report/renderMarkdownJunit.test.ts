import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../scoring/reportSchema.ts';
import { scoreRun } from '../scoring/scoreRun.ts';
import { buildRunDir } from '../scoring/testing/buildRunDir.ts';
import { renderMarkdown } from './renderMarkdown.ts';
import { renderJunit } from './renderJunit.ts';

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
    expect(md).toMatch(/^## ❌ thap: opd\\\|&lt;b&gt;&amp;"x" — failed — score/);
    expect(md).toContain('| ❌ fail | phase.fault.availability &gt; 0.5 | 0 |');
    expect(md).toContain('| ✅ pass | integrity.lost == 0 | 0 |');
    expect(md).toMatch(/\| fault \| 1200 s \| 200 \| 0\.0% \|/);
    expect(md).toContain('- accepted 400, stored 400, lost 0, undelivered 0, false claims 0, duplicated 0, pending 0');
    expect(md.split('\n').filter((line) => line.startsWith('| ') && line.includes('absorb'))).toHaveLength(1);
  });
});

describe('renderJunit', () => {
  it('has a testcase per gate and per phase SLO, failures marked, names escaped', () => {
    const xml = renderJunit(report);
    const cases = xml.match(/<testcase /g) ?? [];
    expect(cases).toHaveLength(report.gates.length + report.phases.length);
    expect(xml).toContain('<testsuite name="thap opd|&lt;b&gt;&amp;&quot;x&quot;"');
    expect(xml).toMatch(/<testcase classname="thap.gates" name="phase.fault.availability &gt; 0.5" time="0">\n\s+<failure message="actual 0">/);
    expect(xml).toMatch(/<testcase classname="thap.gates" name="integrity.lost == 0" time="0"\/>/);
    expect(xml).toMatch(/name="phase fault: p95 &lt;= 2000 ms[^"]*" time="0">\n\s+<failure message="p95 29\d\d ms over the 2000 ms SLO"/);
    expect(xml).toMatch(/name="phase baseline: p95 &lt;= 2000 ms[^"]*" time="0"\/>/);
    const failures = Number(/<testsuites[^>]* failures="(\d+)"/.exec(xml)?.[1]);
    expect(failures).toBe((xml.match(/<failure /g) ?? []).length);
  });
  it('adds a failing run testcase when the run was interrupted', () => {
    const xml = renderJunit({ ...report, status: 'interrupted', run: { ...report.run, status: 'interrupted' } });
    expect(xml).toMatch(/<testcase classname="thap.run" name="run completed" time="0">\n\s+<failure message="run interrupted"/);
  });
});
