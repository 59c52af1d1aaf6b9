import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunInfo } from './readRunInfo.ts';

async function runDirWith(run: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'thap-runinfo-'));
  await writeFile(join(dir, 'run.json'), JSON.stringify({ runId: 'r1', status: 'completed', startedAt: 1_000, endedAt: 9_000, ...run }));
  await writeFile(join(dir, 'plan.json'), JSON.stringify({ name: 'demo', gates: [] }));
  return dir;
}

describe('readRunInfo: the client and harness fields of run.json', () => {
  it('reads a run.json older than the fields as a healthy-unknown client with no exits and no harness failures', async () => {
    const info = await readRunInfo({ runDir: await runDirWith({}) });
    expect(info.clientHealth).toBeUndefined();
    expect(info.clientExits).toEqual([]);
    expect(info.harnessFailures).toEqual([]);
  });

  it('passes the health check, client exits and harness failures on to scoring', async () => {
    const health = { url: 'http://127.0.0.1:8080/health', ok: false, checkedAt: 1_500, error: 'ECONNREFUSED' };
    const exits = [{ at: 3_000, code: 1, signal: null, region: 'lucknow' }];
    const failures = [{ process: 'mocks', at: 4_000, kind: 'exited', detail: 'signal SIGKILL' }];
    const info = await readRunInfo({ runDir: await runDirWith({ client: { health, exits }, harness: { failures } }) });
    expect(info.clientHealth).toEqual(health);
    expect(info.clientExits).toEqual(exits);
    expect(info.harnessFailures).toEqual(failures);
  });

  it('names run.json and the field when a harness failure names an unknown process', async () => {
    const runDir = await runDirWith({ harness: { failures: [{ process: 'redis', at: 1, kind: 'exited', detail: '' }] } });
    await expect(readRunInfo({ runDir })).rejects.toThrow(/run\.json: harness\.failures\.0\.process/);
  });
});

describe('readRunInfo: a run whose thap was killed', () => {
  it('reads a run left `running` as interrupted, ended at the last write to the directory', async () => {
    const dir = await runDirWith({ status: 'running', startedAt: 1_700_000_000_000, endedAt: undefined });
    await writeFile(join(dir, 'k6.csv'), 'metric_name,timestamp,metric_value\n');
    const early = new Date(1_700_000_001_000);
    const lastWrite = new Date(1_700_000_042_000);
    for (const name of ['run.json', 'plan.json']) await utimes(join(dir, name), early, early);
    await utimes(join(dir, 'k6.csv'), lastWrite, lastWrite);
    expect(await readRunInfo({ runDir: dir })).toMatchObject({ status: 'interrupted', startedAt: 1_700_000_000_000, endedAt: 1_700_000_042_000 });
  });

  it('keeps the status and end of a run that ended', async () => {
    expect(await readRunInfo({ runDir: await runDirWith({}) })).toMatchObject({ status: 'completed', endedAt: 9_000 });
  });
});
