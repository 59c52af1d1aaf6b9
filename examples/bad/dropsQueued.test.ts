import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeNic } from '../shared/testing/fakeNic.ts';
import { keyedWrites } from '../shared/testing/keyedWrites.ts';
import { clientStartupMs, deliveryMs, realProcessTestMs } from '../shared/testing/loadedMachineBounds.ts';
import { spawnClient } from '../shared/testing/spawnClient.ts';
import { forgets } from './forgets.ts';
import { cleanupsAfterAll, register } from './testing.ts';

const cleanups = cleanupsAfterAll();

describe('drops-queued bad client (real process)', () => {
  it('answers queued for the writes its seed forgets and never sends them; sends the others once, keyed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'thap-drops-test-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    // NIC stores a keyed retry once: on a loaded machine an attempt can time out after NIC stored it.
    const stored = keyedWrites();
    const nic = await startFakeNic({
      answer: (request) => {
        stored.store(request);
        return { status: 201, body: { uhid: `UH-${String(request.headers['x-correlation-id'])}`, visitId: 'V' } };
      },
    });
    cleanups.push(nic.close);
    const env = { THAP_NIC_EHOSPITAL_URL: nic.url, THAP_TIME_SCALE: '60', THAP_OUTBOX_DIR: dir, BAD_CLIENT_DROP_SHARE: '0.3', BAD_CLIENT_DROP_SEED: '5' };
    const client = await spawnClient({ script: 'examples/bad/dropsQueued.ts', env, healthTimeoutMs: clientStartupMs });
    cleanups.push(() => client.stop());

    const ids = Array.from({ length: 20 }, (_, i) => `pt-${i}.register`);
    const forgotten = ids.filter((correlationId) => forgets({ seed: 5, share: 0.3, correlationId }));
    expect(forgotten.length).toBeGreaterThan(0);
    for (const id of ids) {
      const answer = await register(client.url, id);
      if (forgotten.includes(id)) expect([answer.status, answer.body.status]).toEqual([202, 'queued']);
      else expect([200, 202]).toContain(answer.status);
    }
    const kept = ids.filter((id) => !forgotten.includes(id));
    await expect.poll(() => kept.map((id) => stored.records(id)), { timeout: deliveryMs }).toEqual(kept.map(() => 1));
    // Silently: its outbox claims nothing is pending and does not know the dropped writes.
    const outbox = async () => (await (await fetch(`${client.url}/thap/outbox`)).json()) as { counts: Record<string, number>; entries: Array<{ correlationId: string }> };
    await expect.poll(async () => (await outbox()).counts, { timeout: deliveryMs }).toEqual({ pending: 0, submitted: kept.length, abandoned: 0 });
    expect(stored.pairs()).toEqual(kept.map((id) => `${id}=${id}`).sort());
    expect(forgotten.map((id) => stored.records(id))).toEqual(forgotten.map(() => 0));
    expect((await outbox()).entries.map((entry) => entry.correlationId).filter((id) => forgotten.includes(id))).toEqual([]);
  }, realProcessTestMs);
});
