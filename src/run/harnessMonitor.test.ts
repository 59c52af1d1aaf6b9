import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HarnessProcess } from '../scoring/runFiles/runJsonFields.ts';
import { startHarnessMonitor } from './harnessMonitor.ts';
import type { HarnessProbe } from './probeHarness.ts';

// A fake probe answers from a script per target: true is an answer, false a refused connection.
function scriptedProbe(script: Record<string, boolean[]>) {
  let t = 0;
  return async ({ target }: { target: HarnessProcess }): Promise<HarnessProbe> => {
    const ok = script[target]?.shift() ?? true;
    t += 1;
    return ok ? { t, target, ok, latencyMs: 1 } : { t, target, ok, error: 'ECONNREFUSED' };
  };
}

async function monitorUntil(script: Record<string, boolean[]>, rounds: number) {
  const file = join(await mkdtemp(join(tmpdir(), 'thap-monitor-')), 'harness.ndjson');
  const unresponsive: string[] = [];
  const monitor = startHarnessMonitor({
    targets: [{ process: 'mocks', url: 'http://mocks' }, { process: 'toxiproxy', url: 'http://toxiproxy' }],
    file,
    intervalMs: 0,
    probe: scriptedProbe(script),
    onUnresponsive: (target, detail) => unresponsive.push(`${target}: ${detail}`),
  });
  let lines: HarnessProbe[] = [];
  while (lines.length < rounds * 2) {
    await new Promise((resolve) => setImmediate(resolve));
    lines = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as HarnessProbe);
  }
  await monitor.stop();
  return { lines, unresponsive, file };
}

describe('startHarnessMonitor', () => {
  it('appends one harness.ndjson line per target and round, as probed', async () => {
    const { lines, unresponsive } = await monitorUntil({ mocks: [true, false], toxiproxy: [true, true] }, 2);
    expect(lines.slice(0, 4).map((line) => `${line.target} ${line.ok}${line.error ? ` ${line.error}` : ''}`)).toEqual(['mocks true', 'toxiproxy true', 'mocks false ECONNREFUSED', 'toxiproxy true']);
    expect(unresponsive).toEqual([]);
  });

  it('reports a target once when it fails 3 probes in a row, not for 2 failures broken by an answer', async () => {
    const { unresponsive } = await monitorUntil({ mocks: [false, false, true, false, false, false, false, false], toxiproxy: [false, false, true] }, 8);
    expect(unresponsive).toEqual(['mocks: 3 probes in a row failed, the last: ECONNREFUSED']);
  });

  it('writes nothing more once stopped', async () => {
    const { file } = await monitorUntil({}, 1);
    const atStop = await readFile(file, 'utf8');
    for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(await readFile(file, 'utf8')).toBe(atStop);
  });
});
