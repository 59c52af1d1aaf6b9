import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgets } from '../../examples/bad/forgets.ts';
import { flawsCommitted } from './flawsCommitted.ts';

async function runDirWith(logs: Record<string, object[]>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'thap-flaws-'));
  for (const [file, lines] of Object.entries(logs)) await writeFile(path.join(dir, file), `${['not json: the client printed this', ...lines.map((line) => JSON.stringify(line))].join('\n')}\n`);
  return dir;
}

describe('flawsCommitted', () => {
  it("counts the lying client's made-up done answers in every client log of the run (one per region)", async () => {
    const runDir = await runDirWith({
      'client-lucknow.log': [
        { step: 'register', correlationId: 'pt-1.register', outcome: 'done', reason: 'made up NIC ids: NIC ehospital answered 503' },
        { step: 'register', correlationId: 'pt-2.register', outcome: 'done' },
      ],
      'client-tirupati.log': [{ step: 'createSrf', correlationId: 'srf-1.createSrf', outcome: 'done', reason: 'made up NIC ids: connect ECONNREFUSED' }],
      'mocks.log': [{ outcome: 'done', reason: 'made up NIC ids: not a client log' }],
    });
    expect(await flawsCommitted({ runDir, client: { flaw: 'made-up-ids' } })).toBe(2);
  });

  it("counts the writes the dropping client answered queued and its seeded drop forgets, once each; reads and other writes are not", async () => {
    const ids = Array.from({ length: 400 }, (_, i) => `pt-${i}.register`);
    const forgotten = ids.filter((correlationId) => forgets({ seed: 1, share: 0.05, correlationId }));
    const runDir = await runDirWith({
      'client.log': [
        ...ids.map((correlationId) => ({ step: 'register', correlationId, outcome: 'queued' })),
        ...forgotten.map((correlationId) => ({ step: 'register', correlationId, outcome: 'queued' })),
        { step: 'fetchReport', correlationId: forgotten[0], outcome: 'queued' },
      ],
    });
    expect(forgotten.length).toBeGreaterThan(5);
    expect(await flawsCommitted({ runDir, client: { flaw: 'drops-queued', env: { BAD_CLIENT_DROP_SHARE: '0.05', BAD_CLIENT_DROP_SEED: '1' } } })).toBe(forgotten.length);
  });

  it('says nothing for a client without a flaw or a run without a client log', async () => {
    const runDir = await runDirWith({});
    expect(await flawsCommitted({ runDir, client: {} })).toBeUndefined();
    expect(await flawsCommitted({ runDir, client: { flaw: 'made-up-ids' } })).toBeUndefined();
  });
});
