import { afterAll, describe, expect, it } from 'vitest';
import { switchableEhospital } from '../shared/testing/switchableEhospital.ts';
import { clientStartupMs, deliveryMs, realProcessTestMs } from '../shared/testing/loadedMachineBounds.ts';
import { spawnClient } from '../shared/testing/spawnClient.ts';

const patient = { name: 'Imran Ansari', gender: 'male', age: 47, mobile: '+918299000456', district: 'Bareilly', pin: '243001' };
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

describe('resilient client (real processes)', () => {
  it('keeps work it answered queued through a SIGKILL and submits it after the restart', async () => {
    const ehospital = await switchableEhospital({ up: false, tokenNo: 1, dirPrefix: 'thap-resilient-kill-' });
    cleanups.push(ehospital.close);
    const { stored, env } = ehospital;

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

    ehospital.state.up = true;
    const second = await spawnClient({ script: 'examples/resilient/server.ts', env, healthTimeoutMs: clientStartupMs });
    cleanups.push(() => second.stop());
    const counts = async () => ((await (await fetch(`${second.url}/thap/outbox`)).json()) as { counts: Record<string, number> }).counts;
    await expect.poll(counts, { timeout: deliveryMs }).toEqual({ pending: 0, submitted: 5, abandoned: 0 });
    expect(ids.map((id) => stored.records(id))).toEqual([1, 1, 1, 1, 1]);
    expect(stored.pairs()).toEqual(ids.map((id) => `${id}=${id}`));
    expect(second.lines.some((line) => line.includes('"event":"recovered"') && line.includes('"pending":5'))).toBe(true);
  }, realProcessTestMs);
});
