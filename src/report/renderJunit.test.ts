import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportStatuses, validityCheckNames, type Report } from '../scoring/reportSchema.ts';
import { scoreRun } from '../scoring/scoreRun.ts';
import { buildRunDir, type BuildRunDirOptions } from '../../test/support/scoring/buildRunDir.ts';
import { exitCodeForReport } from './exitCodeForReport.ts';
import { renderJunit } from './renderJunit.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

const base: BuildRunDirOptions = {
  name: 'opd|<b>&"x"',
  durationMs: 60_000,
  ratePerSec: 10,
  gates: ['integrity.lost == 0', 'recovery.ttr < 300s'],
  faults: [{ id: 'f1', fromMs: 20_000, toMs: 40_000 }],
  respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 3000, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }),
};
const killedMocks = { harness: { failures: [{ process: 'mocks', at: 1_700_000_030_000, kind: 'exited', detail: 'signal SIGKILL' }] } };

/** A real scored report of each status, from its own run directory. */
const byStatus: Partial<Record<Report['status'], BuildRunDirOptions>> = {
  passed: base,
  failed: { ...base, gates: ['phase.fault.availability > 0.5'] },
  invalid: { ...base, runJson: killedMocks },
  error: { ...base, status: 'error', runJson: { ...killedMocks, error: 'mocks exited' } },
  interrupted: { ...base, status: 'interrupted' },
};
const reports = new Map<Report['status'], Report>();
beforeAll(async () => {
  for (const [status, options] of Object.entries(byStatus)) {
    const { runDir } = await buildRunDir(options);
    dirs.push(runDir);
    reports.set(status as Report['status'], await scoreRun({ runDir }));
  }
});

const testcases = (xml: string) => [...xml.matchAll(/<testcase classname="([^"]+)" name="([^"]+)" time="0"(\/>|>\n\s+<failure message="([^"]*)")/g)].map((m) => ({ classname: m[1], name: m[2], failure: m[4] }));
const failuresOf = (xml: string) => Number(/<testsuites[^>]* failures="(\d+)"/.exec(xml)?.[1]);

describe('renderJunit', () => {
  it('exits 0 if and only if JUnit has no failure, for every status', () => {
    for (const status of reportStatuses) {
      const report = reports.get(status);
      expect(report?.status, status).toBe(status);
      if (!report) continue;
      const xml = renderJunit(report);
      expect(failuresOf(xml), status).toBe((xml.match(/<failure /g) ?? []).length);
      expect(failuresOf(xml) === 0, status).toBe(exitCodeForReport(report) === 0);
    }
  });

  it('has stable names: run completed, validity <check>, each gate by its expression; no phase testcases', () => {
    const failed = reports.get('failed');
    const passed = reports.get('passed');
    if (!failed || !passed) throw new Error('fixtures missing');
    const names = (report: Report) => testcases(renderJunit(report)).map((c) => c.name);
    const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(names(passed)).toEqual(['run completed', ...validityCheckNames.map((name) => `validity ${name}`), ...passed.gates.map((gate) => escaped(gate.expr))]);
    expect(names(passed)).toEqual(expect.arrayContaining(['integrity.lost == 0', 'recovery.ttr &lt; 300s', 'client.invalidAnswers == 0']));
    expect(names(failed)).toContain('phase.fault.availability &gt; 0.5');
    for (const name of [...names(passed), ...names(failed)]) expect(name).not.toMatch(/\d+(\.\d+)? ?(ms|%)/);
    expect(testcases(renderJunit(failed)).find((c) => c.name === 'phase.fault.availability &gt; 0.5')?.failure).toBe('actual 0');
  });

  it('fails the validity testcase of an invalid run with its figure and message', () => {
    const invalid = reports.get('invalid');
    if (!invalid) throw new Error('fixture missing');
    const xml = renderJunit(invalid);
    expect(testcases(xml).filter((c) => c.failure !== undefined).map((c) => c.name)).toEqual(['validity harness.alive']);
    expect(xml).toContain('<failure message="1 failures (bound 0 failures): the mocks process exited at');
    expect(xml).toContain('<property name="score" value="none"/>');
    expect(xml).toContain('<testsuite name="thap opd|&lt;b&gt;&amp;&quot;x&quot;"');
  });

  it('fails run completed when the run errored or was interrupted', () => {
    for (const status of ['error', 'interrupted'] as const) {
      const report = reports.get(status);
      if (!report) throw new Error('fixture missing');
      expect(testcases(renderJunit(report))[0]).toMatchObject({ name: 'run completed', failure: expect.stringMatching(new RegExp(`^run ${status}`)) });
    }
  });

  it('fails a verdict testcase when a status is not passed but nothing else failed (a hand-edited report)', () => {
    const passed = reports.get('passed');
    if (!passed) throw new Error('fixture missing');
    const xml = renderJunit({ ...passed, status: 'invalid' });
    expect(testcases(xml).at(-1)).toMatchObject({ name: 'verdict', failure: 'status invalid' });
  });
});
