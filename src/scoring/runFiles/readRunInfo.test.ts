import { mkdtemp, writeFile } from 'node:fs/promises';
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
