import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftovers, readRunJson, runDirOf } from './support/leftovers.ts';
import type { Report } from '../src/scoring/reportSchema.ts';
import { runThap } from './support/runThap.ts';
import { withoutPdf } from './support/withoutPdf.ts';

// The harness watch in a real run: the real Toxiproxy server, or the mocks process, is SIGKILLed while the
// fault is applied. The run goes on to the end of its plan, keeps what it measured, and run.json names the
// harness failure, once. The verdict blames the harness, not the client: exit 3, status invalid, no score,
// harness.alive failing in every format (docs/scoring.md "Run validity").
describe('a harness process that dies mid-run', { timeout: 120_000 }, () => {
  it.each(['toxiproxy', 'mocks'] as const)('%s: recorded in run.json harness.failures and harness.ndjson; the run completes, invalid with no score (exit 3), and leaves nothing running', async (victim) => {
    let killed = false;
    const result = await runThap(['run', 'test/scenarios/short-outage.yaml', '--ci', '--out', await mkdtemp(join(tmpdir(), 'thap-harness-')), ...withoutPdf], {
      onStderr: (stderr) => {
        if (killed || !/faults: down/.test(stderr)) return;
        killed = true;
        void readRunJson(runDirOf(stderr)).then((run) => process.kill(run.processes.find((entry) => entry.name === victim)!.pid, 'SIGKILL'));
      },
    });
    expect(killed).toBe(true);
    expect(result.stderr).toContain(`harness: the ${victim} process exited mid-run (signal SIGKILL): the harness, not the client, failed`);
    const runDir = runDirOf(result.stderr);
    const run = await readRunJson(runDir);
    expect(run.status).toBe('completed');
    expect(run.harness?.failures).toEqual([{ process: victim, at: expect.any(Number), kind: 'exited', detail: 'signal SIGKILL' }]);
    const probes = (await readFile(join(runDir, 'harness.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { target: string; ok: boolean; t: number });
    const failedAt = run.harness!.failures[0]!.at;
    // The victim answered before the kill and was refused after it; the other process answered throughout.
    const of = (target: string) => probes.filter((probe) => probe.target === target);
    expect(of(victim).filter((probe) => probe.t < failedAt - 1_100).every((probe) => probe.ok)).toBe(true);
    expect(of(victim).filter((probe) => probe.t > failedAt + 100).length).toBeGreaterThan(2);
    expect(of(victim).filter((probe) => probe.t > failedAt + 100).every((probe) => !probe.ok)).toBe(true);
    expect(of(victim === 'mocks' ? 'toxiproxy' : 'mocks').every((probe) => probe.ok)).toBe(true);
    const report = JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8')) as Report;
    expect(result.code, result.stderr.slice(-1_500)).toBe(3);
    expect(report.status).toBe('invalid');
    expect(report.score.total).toBeNull();
    const alive = report.validity?.checks.find((check) => check.name === 'harness.alive');
    expect(alive).toMatchObject({ passed: false, bound: 0 });
    expect(alive?.figure).toBeGreaterThanOrEqual(1);
    expect(alive?.message).toMatch(new RegExp(`the ${victim} process (exited|stopped answering) at sim \\d\\d:\\d\\d`));
    expect(result.stdout.split('\n')[0]).toMatch(/^short-outage — INVALID — no score/);
    const junit = await readFile(join(runDir, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testcase classname="thap.validity" name="validity harness.alive" time="0">\n\s+<failure /);
    expect(await leftovers(runDir)).toEqual({ processes: [], ports: [] });
  });
});
