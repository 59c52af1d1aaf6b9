import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftovers, runDirOf } from './support/leftovers.ts';
import { runThap } from './support/runThap.ts';

interface Report {
  status: string;
  phases: Array<{ name: string; availability: number; requests: number }>;
  integrity: { accepted: number; lost: number; duplicated: number };
  score: { total: number };
}

/** A shipped scenario with another reference client in `client.command`, as a vendor would edit it. */
async function withClient(file: string, client: string): Promise<string> {
  const text = (await readFile(file, 'utf8')).replace('examples/naive/server.ts', `examples/${client}/server.ts`);
  const copy = join(await mkdtemp(join(tmpdir(), 'thap-shipped-')), file.split('/').pop() as string);
  await writeFile(copy, text);
  return copy;
}

// CI runs the two outages this project exists for, at their default speed, for real (issue 7): the KGMU
// crash at peak and the night consignment outage, against the resilient reference client.
describe('shipped outages, run for real', { timeout: 300_000 }, () => {
  it.each([
    ['scenarios/o2-crash-at-peak.yaml', 'fault'],
    ['scenarios/o13-night-consignment-outage.yaml', 'fault'],
  ])('%s: the resilient client keeps the counters moving and loses nothing', async (file) => {
    const result = await runThap(['run', await withClient(file, 'resilient'), '--ci', '--out', await mkdtemp(join(tmpdir(), 'thap-shipped-'))]);
    const runDir = runDirOf(result.stderr);
    const report = JSON.parse(await readFile(join(runDir, 'report.json'), 'utf8')) as Report;
    expect(result.code, result.stdout + result.stderr.slice(-2_000)).toBe(0);
    expect(report.status).toBe('passed');
    expect(report.integrity.accepted).toBeGreaterThan(1_000);
    expect(report.integrity.lost).toBe(0);
    expect(report.phases.find((phase) => phase.name === 'fault')?.requests).toBeGreaterThan(100);
    expect(await leftovers(runDir)).toEqual({ processes: [], ports: [] });
  });
});
