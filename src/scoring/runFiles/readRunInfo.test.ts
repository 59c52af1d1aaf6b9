import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunInfo } from './readRunInfo.ts';

async function runDir(run: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'thap-run-info-'));
  await writeFile(join(dir, 'run.json'), JSON.stringify(run));
  await writeFile(join(dir, 'plan.json'), JSON.stringify({ name: 'demo', gates: [] }));
  return dir;
}

describe('readRunInfo', () => {
  it('reads a run left `running` (its thap was killed) as interrupted, ended at the last write to the directory', async () => {
    const dir = await runDir({ runId: 'demo-1', status: 'running', startedAt: 1_700_000_000_000 });
    await writeFile(join(dir, 'k6.csv'), 'metric_name,timestamp,metric_value\n');
    const lastWrite = new Date(1_700_000_042_000);
    for (const name of ['run.json', 'plan.json']) await utimes(join(dir, name), new Date(1_700_000_001_000), new Date(1_700_000_001_000));
    await utimes(join(dir, 'k6.csv'), lastWrite, lastWrite);
    expect(await readRunInfo({ runDir: dir })).toMatchObject({ status: 'interrupted', startedAt: 1_700_000_000_000, endedAt: 1_700_000_042_000 });
  });

  it('keeps the status and end of a run that ended', async () => {
    const dir = await runDir({ runId: 'demo-2', status: 'completed', startedAt: 1_000, endedAt: 2_000 });
    expect(await readRunInfo({ runDir: dir })).toMatchObject({ status: 'completed', endedAt: 2_000 });
  });
});
