import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftovers, readRunJson, runDirOf } from './support/leftovers.ts';
import { descendantsOf, stillAlive, type TreeProcess } from './support/processTree.ts';
import { runThap } from './support/runThap.ts';
import { withoutPdf } from './support/withoutPdf.ts';

// End to end with the real k6 and Toxiproxy binaries: thap is killed (SIGKILL, nothing of it runs again) or
// interrupted (SIGINT, SIGTERM) at several moments of a run, and nothing it started may outlive it. Each run has
// a cache directory of its own, so its live-run record is not swept by another thap on the machine.
// Wall-clock bounds carry a margin for a loaded machine: on a quiet one everything is gone 60-80 ms after a
// SIGKILL (watchdog.log) and thap exits 1-3 s after SIGINT or SIGTERM; at a load of 22 on two cores the exit took
// up to 14.6 s. A run that ignored the signal would not be interrupted at all, which the status checks.
const scenario = 'test/scenarios/outage-until-drain.yaml';
const moments = {
  'during stack start-up': /^stack: Toxiproxy/m,
  'right after `client:`': /^client: /m,
  'in the fault window': /faults: down/,
  'during the drain': /^load finished: waiting/m,
} as const;
type Moment = keyof typeof moments;

/** Polls until nothing thap started is alive and no port of its run.json is taken, or `withinMs` has passed. */
async function leftAfter(withinMs: number, runDir: string, started: TreeProcess[]): Promise<{ processes: string[]; ports: number[] }> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const processes = stillAlive(started).map((entry) => `${entry.pid} ${entry.command}`);
    const { ports } = await leftovers(runDir);
    if ((processes.length === 0 && ports.length === 0) || Date.now() >= deadline) return { processes, ports };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function run(signal: NodeJS.Signals, moment: Moment) {
  const cacheDir = await mkdtemp(join(tmpdir(), 'thap-kill-cache-'));
  const env = { THAP_CACHE_DIR: cacheDir };
  const result = await runThap(['run', scenario, '--ci', '--out', await mkdtemp(join(tmpdir(), 'thap-kill-')), ...withoutPdf], { signal, signalWhen: moments[moment], env, beforeSignal: descendantsOf });
  const runDir = runDirOf(result.stderr);
  const started = result.snapshot as TreeProcess[];
  // Toxiproxy, the mocks and the watchdog at least, whatever the moment.
  expect(started.length, result.stderr.slice(-1_000)).toBeGreaterThanOrEqual(3);
  return { result, runDir, started, env, cacheDir };
}

describe('killing thap', { timeout: 120_000 }, () => {
  it.each(Object.keys(moments) as Moment[])('SIGKILL %s: everything it started is gone; doctor --cleanup marks the run, report scores it interrupted', async (moment) => {
    const { result, runDir, started, env } = await run('SIGKILL', moment);
    expect(result.exitSignal).toBe('SIGKILL');
    expect(await leftAfter(10_000, runDir, started)).toEqual({ processes: [], ports: [] });
    expect((await readRunJson(runDir)).status).toBe('running');

    const cleanup = await runThap(['doctor', '--cleanup'], { env });
    expect(cleanup.code).toBe(0);
    expect(cleanup.stdout).toContain(`(${runDir}) was killed: no process was left; run.json marked interrupted (killed)`);
    expect(await readRunJson(runDir)).toMatchObject({ status: 'interrupted', endedBy: 'killed' });
    expect((await runThap(['doctor', '--cleanup'], { env })).stdout.trim()).toBe('nothing left by killed runs');

    const report = await runThap(['report', runDir, ...withoutPdf]);
    expect(report.code, report.stderr).toBe(130);
    expect(JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8'))).toMatchObject({ status: 'interrupted' });
  });

  it.each([
    ['SIGINT', 'during stack start-up'],
    ['SIGTERM', 'right after `client:`'],
    ['SIGINT', 'in the fault window'],
    ['SIGTERM', 'during the drain'],
  ] as Array<[NodeJS.Signals, Moment]>)('%s %s: exit 130 promptly, a report.json, nothing left', async (signal, moment) => {
    const { result, runDir, started, cacheDir } = await run(signal, moment);
    expect(result.code, result.stderr.slice(-1_000)).toBe(130);
    expect(result.exitAfterSignalMs).toBeLessThan(30_000);
    expect(JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8'))).toMatchObject({ status: 'interrupted' });
    expect((await readRunJson(runDir)).status).toBe('interrupted');
    expect(await leftAfter(10_000, runDir, started)).toEqual({ processes: [], ports: [] });
    expect(await readdir(join(cacheDir, 'runs'))).toEqual([]);
    if (moment !== 'in the fault window') return;
    // The fault on at the signal is removed, saying why (SIGINT and SIGTERM take the same path, interruptible.ts).
    const events = (await readFile(join(runDir, 'faults.ndjson'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { action: string; ok: boolean; reason?: string });
    expect(events.map((event) => `${event.action} ${event.ok}`)).toEqual(['apply true', 'remove true']);
    expect(events[1]?.reason).toBe(`interrupted by ${signal}`);
  });
});
