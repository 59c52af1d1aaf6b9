import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processStartTime } from '../../stack/lifeline/processStartTime.ts';
import { readLiveRuns, writeLiveRun, type LiveRunRecord } from './liveRunRecord.ts';
import { refuseLiveRun } from './refuseLiveRun.ts';
import { describeSweep, sweepDeadRuns } from './sweepDeadRuns.ts';

/** The pid of a process that has already ended: the owner of a killed run. */
function deadPid(): number {
  return spawnSync('true').pid as number;
}

async function runDirWith(run: Record<string, unknown>): Promise<string> {
  const runDir = await mkdtemp(join(tmpdir(), 'thap-killed-run-'));
  await writeFile(join(runDir, 'run.json'), JSON.stringify(run));
  return runDir;
}

function record(runId: string, runDir: string, owner: LiveRunRecord['owner'], processes: LiveRunRecord['processes'] = []): LiveRunRecord {
  return { runId, runDir, owner, processes, containers: false, proxies: [] };
}

describe('sweepDeadRuns', () => {
  it('ends what a run whose thap is gone left, marks its run.json interrupted (killed) and forgets the run', async () => {
    const runsDir = await mkdtemp(join(tmpdir(), 'thap-runs-'));
    const left = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
    const leftExit = new Promise((resolve) => left.once('exit', (_code, signal) => resolve(signal)));
    const runDir = await runDirWith({ runId: 'demo-killed', status: 'running', startedAt: 1_000, processes: [], ports: [], events: [] });
    writeLiveRun(runsDir, record('demo-killed', runDir, { name: 'thap', pid: deadPid() }, [{ name: 'toxiproxy', pid: left.pid as number, startTime: processStartTime(left.pid as number) as string }]));

    const [swept, ...more] = await sweepDeadRuns({ runsDir, by: 'a test' });
    expect(more).toEqual([]);
    expect(swept).toMatchObject({ runId: 'demo-killed', ended: [`toxiproxy (${left.pid})`], marked: true });
    expect(await leftExit).toBe('SIGTERM');
    const run = JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8')) as { status: string; endedBy: string; endedAt: number; events: Array<{ what: string }> };
    expect(run).toMatchObject({ status: 'interrupted', endedBy: 'killed' });
    expect(run.endedAt).toBeGreaterThan(1_000);
    expect(run.events.at(-1)?.what).toContain('a test ended what it left');
    expect(readLiveRuns(runsDir)).toEqual([]);
    expect(describeSweep(swept!)).toBe(`run demo-killed (${runDir}) was killed: ended toxiproxy (${left.pid}); run.json marked interrupted (killed)`);
  });

  it('leaves a run whose thap is alive alone, and refuses to score it as killed', async () => {
    const runsDir = await mkdtemp(join(tmpdir(), 'thap-runs-'));
    const runDir = await runDirWith({ runId: 'demo-live', status: 'running', startedAt: 1_000 });
    writeLiveRun(runsDir, record('demo-live', runDir, { name: 'thap', pid: process.pid, startTime: processStartTime(process.pid) as string }));
    expect(await sweepDeadRuns({ runsDir, by: 'a test' })).toEqual([]);
    expect(() => refuseLiveRun({ runDir, runsDir })).toThrow(`run demo-live is still running (thap pid ${process.pid}); score it once that thap has ended`);
    expect(readLiveRuns(runsDir).map((entry) => entry.runId)).toEqual(['demo-live']);
    expect(JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8'))).toMatchObject({ status: 'running' });
  });

  it('does not touch the run.json of a run that ended (its thap died after writing it)', async () => {
    const runsDir = await mkdtemp(join(tmpdir(), 'thap-runs-'));
    const runDir = await runDirWith({ runId: 'demo-done', status: 'completed', startedAt: 1_000, endedAt: 2_000 });
    writeLiveRun(runsDir, record('demo-done', runDir, { name: 'thap', pid: deadPid() }));
    const [swept] = await sweepDeadRuns({ runsDir, by: 'a test' });
    expect(swept).toMatchObject({ ended: [], marked: false });
    expect(JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8'))).toMatchObject({ status: 'completed', endedAt: 2_000 });
  });
});
