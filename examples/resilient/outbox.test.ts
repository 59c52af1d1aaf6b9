import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox } from './outbox.ts';

const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length > 0) await rm(dirs.pop()!, { recursive: true, force: true });
});

async function openOutbox(): Promise<{ outbox: Outbox; file: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'outbox-'));
  dirs.push(dir);
  const file = path.join(dir, 'outbox.log');
  return { outbox: await Outbox.open({ file }), file };
}

describe('Outbox provisional ids', () => {
  it('gives writes accepted at the same moment distinct provisional ids, each resolving to its own NIC id', async () => {
    const { outbox, file } = await openOutbox();
    const accepted = await Promise.all(
      ['s1', 's2', 's3'].map((sample) => outbox.accept({ correlationId: `${sample}.createSrf`, step: 'createSrf', body: {}, params: {}, provides: ['srfId'] })),
    );
    const ids = accepted.map((entry) => entry.provisional?.srfId);
    expect(new Set(ids).size).toBe(3);
    await Promise.all(['s1', 's2', 's3'].map((sample, i) => outbox.submitted({ correlationId: `${sample}.createSrf`, nic: { srfId: `09000000000${i}` }, attempts: 1 })));
    expect(ids.map((id) => outbox.resolve(id!))).toEqual([0, 1, 2].map((i) => ({ kind: 'real', value: `09000000000${i}` })));
    // After a restart the sequence continues past every id already issued.
    const reopened = await Outbox.open({ file });
    const next = await reopened.accept({ correlationId: 's4.createSrf', step: 'createSrf', body: {}, params: {}, provides: ['srfId'] });
    expect(ids).not.toContain(next.provisional?.srfId);
  });
});
