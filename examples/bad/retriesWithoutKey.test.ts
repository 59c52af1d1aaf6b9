import { describe, expect, it } from 'vitest';
import { startFakeNic } from '../shared/testing/fakeNic.ts';
import { spawnClient } from '../shared/testing/spawnClient.ts';
import { cleanupsAfterAll, register } from './testing.ts';

const cleanups = cleanupsAfterAll();
// At 10x an attempt may take 500 ms of wall time: ample for a loopback answer on a loaded machine.

describe('retries-without-key bad client (real process)', () => {
  it('sends a write three times back to back without an Idempotency-Key when NIC is slow, and once when it is not', async () => {
    let slow = true;
    const nic = await startFakeNic({ answer: () => (slow ? 'hang' : { status: 201, body: { uhid: 'UH-1', visitId: 'V-1', tokenNo: 1 } }) });
    cleanups.push(nic.close);
    const client = await spawnClient({ script: 'examples/bad/retriesWithoutKey.ts', env: { THAP_NIC_EHOSPITAL_URL: nic.url, THAP_TIME_SCALE: '10' } });
    cleanups.push(() => client.stop());

    const slowAnswer = await register(client.url, 'pt-1.register');
    expect([slowAnswer.status, slowAnswer.body.status]).toEqual([503, 'failed']);
    expect(nic.requests.map((request) => [request.headers['x-correlation-id'], request.headers['idempotency-key']])).toEqual([
      ['pt-1.register', undefined],
      ['pt-1.register', undefined],
      ['pt-1.register', undefined],
    ]);
    slow = false;
    expect((await register(client.url, 'pt-2.register')).body.status).toBe('done');
    expect(nic.requests).toHaveLength(4);
    await expect.poll(() => client.lines.map((line) => JSON.parse(line) as { correlationId?: string; attempts?: number }).filter((line) => line.correlationId).map((line) => [line.correlationId, line.attempts])).toEqual([
      ['pt-1.register', 3],
      ['pt-2.register', 1],
    ]);
  });
});
