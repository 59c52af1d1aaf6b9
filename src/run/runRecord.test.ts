import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunRecord } from './runRecord.ts';

async function record() {
  const runDir = await mkdtemp(join(tmpdir(), 'thap-record-'));
  return { runDir, record: new RunRecord(runDir, 'r1'), saved: async () => JSON.parse(await readFile(join(runDir, 'run.json'), 'utf8')) as Record<string, unknown> };
}

describe('RunRecord: client and harness in run.json', () => {
  it('writes the health check, each client exit and each harness failure as they happen', async () => {
    const { record: run, saved } = await record();
    await run.clientHealth({ url: 'http://127.0.0.1:8080/health', ok: true, checkedAt: 1 });
    await run.clientExited({ at: 2, code: null, signal: 'SIGKILL' });
    await run.harnessFailed({ process: 'mocks', at: 3, kind: 'exited', detail: 'signal SIGKILL' });
    expect(await saved()).toMatchObject({
      client: { health: { ok: true }, exits: [{ at: 2, code: null, signal: 'SIGKILL' }] },
      harness: { failures: [{ process: 'mocks', kind: 'exited' }] },
    });
  });

  it('records one failure per harness process: a dead process that then fails its probes is the same failure', async () => {
    const { record: run, saved } = await record();
    await run.harnessFailed({ process: 'toxiproxy', at: 1, kind: 'exited', detail: 'signal SIGKILL' });
    await run.harnessFailed({ process: 'toxiproxy', at: 2, kind: 'unresponsive', detail: '3 probes in a row failed' });
    await run.harnessFailed({ process: 'mocks', at: 3, kind: 'unresponsive', detail: '3 probes in a row failed' });
    expect(run.harnessFailures().map((failure) => `${failure.process} ${failure.kind}`)).toEqual(['toxiproxy exited', 'mocks unresponsive']);
    expect((await saved()).harness).toEqual({ failures: [...run.harnessFailures()] });
  });

  it('never loses a save when many are made at once', async () => {
    const { record: run, saved } = await record();
    await Promise.all(Array.from({ length: 20 }, (_, index) => run.clientExited({ at: index, code: 1, signal: null })));
    expect(((await saved()).client as { exits: unknown[] }).exits).toHaveLength(20);
  });
});
