import { access, readFile, rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../../test/support/runCliInProcess.ts';
import { buildRunDir } from '../../../test/support/scoring/buildRunDir.ts';
import { reportCommand } from './report.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

const thap = (args: string[]) => runCliInProcess({ command: reportCommand, args });

async function fixture(gates: string[]): Promise<string> {
  const { runDir } = await buildRunDir({
    durationMs: 30_000,
    ratePerSec: 5,
    gates,
    faults: [{ id: 'f1', fromMs: 10_000, toMs: 20_000 }],
    respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 3, outcome: 'failed' } : { ok: true, latencyMs: 20, outcome: 'done' }),
  });
  dirs.push(runDir);
  return runDir;
}

describe('thap report', () => {
  it('exits 1 when a gate fails and prints the summary with the report path', async () => {
    const runDir = await fixture(['phase.fault.availability > 0.5']);
    const result = await thap(['report', runDir, '--format', 'html', 'md', 'junit']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL  phase.fault.availability > 0.5');
    expect(result.stdout).toContain(`report: ${runDir}/report.json`);
    for (const file of ['report.json', 'report.html', 'report.md', 'junit.xml']) await access(`${runDir}/${file}`);
  });

  it('exits 3 on a run the harness failed (the mocks killed mid-fault, as run.json records it): invalid, no score, JUnit failing', async () => {
    const { runDir } = await buildRunDir({
      durationMs: 30_000,
      ratePerSec: 5,
      faults: [{ id: 'f1', fromMs: 10_000, toMs: 20_000 }],
      runJson: { harness: { failures: [{ process: 'mocks', at: 1_700_000_015_000, kind: 'exited', detail: 'signal SIGKILL' }] } },
      respond: () => ({ ok: true, latencyMs: 20, outcome: 'done' }),
    });
    dirs.push(runDir);
    const result = await thap(['report', runDir, '--format', 'junit']);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/^fixture — INVALID — no score: the harness or the machine, not the client, is to blame; repeat the run \(scoring [\d.]+\)\nINVALID: harness\.alive failed\n/);
    expect(await readFile(`${runDir}/junit.xml`, 'utf8')).toMatch(/name="validity harness.alive" time="0">\n\s+<failure message="1 failures \(bound 0 failures\): the mocks process exited at sim 09:15 \(signal SIGKILL\)/);
  });

  it('fails on --baseline when the score fell by more than --max-regression', async () => {
    const good = await fixture([]);
    expect((await thap(['report', good, '--format', 'md'])).code).toBe(0);
    const { runDir: worse } = await buildRunDir({
      durationMs: 30_000,
      ratePerSec: 5,
      faults: [{ id: 'f1', fromMs: 10_000, toMs: 20_000 }],
      respond: ({ inFault }) => (inFault ? { ok: false, latencyMs: 3, outcome: 'done', stored: 0 } : { ok: true, latencyMs: 20, outcome: 'done' }),
    });
    dirs.push(worse);
    const result = await thap(['report', worse, '--format', 'md', '--baseline', `${good}/report.json`, '--max-regression', '5']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL {2}score regression <= 5 {2}\(actual [-\d.]+: score \d+\.\d vs baseline \d+\.\d/);
  });

  it('says which --format is wrong', async () => {
    const runDir = await fixture([]);
    const result = await thap(['report', runDir, '--format', 'docx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('thap: report --format "docx": must be one of html, md, junit, pdf\n');
  });

  it('exits 0 when every gate passes', async () => {
    const runDir = await fixture(['integrity.lost == 0']);
    expect((await thap(['report', runDir, '--format', 'md'])).code).toBe(0);
  });

  it('exits 2 with one message and no stack for an invalid --gate or a directory that is not a run', async () => {
    const runDir = await fixture([]);
    const bad = await thap(['report', runDir, '--gate', 'recovery.ttr < 300']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--gate: gates\.0: recovery\.ttr is a duration/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const missing = await thap(['report', `${runDir}/nowhere`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/run\.json: cannot read it/);
  });
});
