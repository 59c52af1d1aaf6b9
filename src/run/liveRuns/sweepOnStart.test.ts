import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLiveRuns, writeLiveRun } from './liveRunRecord.ts';
import { sweepOnStart } from './sweepOnStart.ts';

describe('sweepOnStart', () => {
  it('says nothing and changes nothing when no run left a record (or the directory does not exist)', async () => {
    const lines: string[] = [];
    await sweepOnStart({ runsDir: join(await mkdtemp(join(tmpdir(), 'thap-runs-')), 'absent'), write: (line) => lines.push(line) });
    expect(lines).toEqual([]);
  });

  it('cleans up after a killed run at the next start, in one line', async () => {
    const runsDir = await mkdtemp(join(tmpdir(), 'thap-runs-'));
    const runDir = await mkdtemp(join(tmpdir(), 'thap-killed-run-'));
    await writeFile(join(runDir, 'run.json'), JSON.stringify({ runId: 'demo-9', status: 'running', startedAt: 1_000 }));
    writeLiveRun(runsDir, { runId: 'demo-9', runDir, owner: { name: 'thap', pid: spawnSync('true').pid as number }, processes: [], containers: false, proxies: [] });
    const lines: string[] = [];
    await sweepOnStart({ runsDir, write: (line) => lines.push(line) });
    expect(lines).toEqual([`thap: run demo-9 (${runDir}) was killed: no process was left; run.json marked interrupted (killed)`]);
    expect(readLiveRuns(runsDir)).toEqual([]);
  });
});
