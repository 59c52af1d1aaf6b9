import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readHostSamples } from './readHostSamples.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function runDirWith(host?: string) {
  const dir = await mkdtemp(join(tmpdir(), 'thap-host-'));
  dirs.push(dir);
  if (host !== undefined) await writeFile(join(dir, 'host.ndjson'), host);
  return dir;
}

const line = (t: number, over: Record<string, unknown> = {}) => JSON.stringify({ t, wallMs: 1000, cores: 2, busyMs: 500, idleMs: 1500, runMs: 300, runWaitMs: 20, coreBusy: [0.2, 0.3], runIncludes: ['thap', 'k6'], ...over });

describe('readHostSamples', () => {
  it('reads the samples in time order; a run without host.ndjson has none', async () => {
    expect((await readHostSamples({ runDir: await runDirWith(`${line(2000)}\n${line(1000)}\n`) })).map((sample) => sample.t)).toEqual([1000, 2000]);
    expect(await readHostSamples({ runDir: await runDirWith() })).toEqual([]);
  });

  it('a malformed line names the file, the line and the field', async () => {
    const runDir = await runDirWith(`${line(1000)}\n${line(2000, { runIncludes: ['thap', 'postgres'] })}\n`);
    await expect(readHostSamples({ runDir })).rejects.toThrow(`${join(runDir, 'host.ndjson')}:2: runIncludes.1: Invalid option`);
  });
});
