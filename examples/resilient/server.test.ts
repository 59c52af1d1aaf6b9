import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeNic } from '../shared/testing/fakeNic.ts';
import { keyedWrites } from '../shared/testing/keyedWrites.ts';
import { clientStartupMs, deliveryMs, realProcessTestMs } from '../shared/testing/loadedMachineBounds.ts';
import { spawnClient } from '../shared/testing/spawnClient.ts';

const patient = { name: 'Imran Ansari', gender: 'male', age: 47, mobile: '+918299000456', district: 'Bareilly', pin: '243001' };
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

describe('resilient client (real processes)', () => {
  it('keeps work it answered queued through a SIGKILL and submits it after the restart', async () => {
    const stateDir = await mkdtemp(path.join(os.tmpdir(), 'thap-resilient-kill-'));
    cleanups.push(() => rm(stateDir, { recursive: true, force: true }));
    let up = false;
    // NIC stores a keyed retry once: on a loaded machine an attempt can time out after NIC stored it.
    const stored = keyedWrites();
    const nic = await startFakeNic({
      answer: (request) => {
        if (!up) return 'reset';
        stored.store(request);
        const ref = request.headers['x-correlation-id'] as string;
        return { status: 201, body: { uhid: `UH-${ref}`, visitId: `V-${ref}`, tokenNo: 1 } };
      },
    });
    cleanups.push(nic.close);
    const env = { THAP_NIC_EHOSPITAL_URL: nic.url, THAP_TIME_SCALE: '60', THAP_OUTBOX_DIR: stateDir };

    const first = await spawnClient({ script: 'examples/resilient/server.ts', env, healthTimeoutMs: clientStartupMs });
    cleanups.push(() => first.stop('SIGKILL'));
    const ids = Array.from({ length: 5 }, (_, i) => `pt-9${i}.register`);
    for (const id of ids) {
      const response = await fetch(`${first.url}/opd/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Correlation-Id': id },
        body: JSON.stringify({ patient, department: 'orthopaedics', visitType: 'new' }),
      });
      expect(response.status).toBe(202);
    }
    await first.stop('SIGKILL');

    up = true;
    const second = await spawnClient({ script: 'examples/resilient/server.ts', env, healthTimeoutMs: clientStartupMs });
    cleanups.push(() => second.stop());
    const counts = async () => ((await (await fetch(`${second.url}/thap/outbox`)).json()) as { counts: Record<string, number> }).counts;
    await expect.poll(counts, { timeout: deliveryMs }).toEqual({ pending: 0, submitted: 5, abandoned: 0 });
    expect(ids.map((id) => stored.records(id))).toEqual([1, 1, 1, 1, 1]);
    expect(stored.pairs()).toEqual(ids.map((id) => `${id}=${id}`));
    expect(second.lines.some((line) => line.includes('"event":"recovered"') && line.includes('"pending":5'))).toBe(true);
  }, realProcessTestMs);
});
