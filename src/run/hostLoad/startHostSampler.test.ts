import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProcSnapshot } from './procSnapshot.ts';
import { runProcessesInTree, startHostSampler } from './startHostSampler.ts';

const dirs: string[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function hostFile() {
  const dir = await mkdtemp(join(tmpdir(), 'thap-host-'));
  dirs.push(dir);
  return join(dir, 'host.ndjson');
}

describe('the host sampler', () => {
  it('appends one whole line per interval until stopped, then none', async () => {
    vi.useFakeTimers();
    let tick = 0;
    const snapshot = (): ProcSnapshot => {
      tick += 1;
      return { at: tick * 1_000, cores: [{ busy: tick * 50, idle: tick * 50 }], processes: new Map([[7, { ppid: 1, ticks: tick * 10, startedAt: 1 }]]), runWaitNs: new Map([[7, tick * 2e6]]) };
    };
    const file = await hostFile();
    const sampler = startHostSampler({ file, runIncludes: ['thap', 'k6', 'toxiproxy', 'mocks', 'client'], root: 7, snapshot });
    vi.advanceTimersByTime(3_000);
    await sampler.stop();
    vi.advanceTimersByTime(3_000);
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { t: number; runMs: number; busyMs: number; runWaitMs: number });
    expect(lines.map((line) => [line.t, line.busyMs, line.runMs, line.runWaitMs])).toEqual([
      [2_000, 500, 100, 2],
      [3_000, 500, 100, 2],
      [4_000, 500, 100, 2],
    ]);
  });

  it('writes nothing where there is no /proc', async () => {
    const file = await hostFile();
    await startHostSampler({ file, runIncludes: ['thap'], snapshot: () => undefined }).stop();
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it("names the run's processes inside thap's tree: no client for --target, only k6 with the container stack", () => {
    expect(runProcessesInTree({ containers: false, clientStarted: true })).toEqual(['thap', 'k6', 'toxiproxy', 'mocks', 'client']);
    expect(runProcessesInTree({ containers: false, clientStarted: false })).toEqual(['thap', 'k6', 'toxiproxy', 'mocks']);
    expect(runProcessesInTree({ containers: true, clientStarted: false })).toEqual(['thap', 'k6']);
  });
});
