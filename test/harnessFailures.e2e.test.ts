import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftovers, readRunJson, runDirOf } from './support/leftovers.ts';
import { runThap } from './support/runThap.ts';

// The harness watch in a real run: the real Toxiproxy server, or the mocks process, is SIGKILLed while the
// fault is applied. The run goes on to the end of its plan, keeps what it measured, and run.json names the
// harness failure, once.
describe('a harness process that dies mid-run', { timeout: 120_000 }, () => {
  it.each(['toxiproxy', 'mocks'] as const)('%s: recorded in run.json harness.failures and harness.ndjson; the run still completes and leaves nothing running', async (victim) => {
    let killed = false;
    const result = await runThap(['run', 'test/scenarios/short-outage.yaml', '--ci', '--out', await mkdtemp(join(tmpdir(), 'thap-harness-'))], {
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
    await expect(readFile(join(runDir, 'report.json'), 'utf8')).resolves.toContain('"status"');
    expect(await leftovers(runDir)).toEqual({ processes: [], ports: [] });
  });
});
