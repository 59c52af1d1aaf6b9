import { afterEach, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../index.ts';
import { call } from '../../test/support/mocks/httpClient.ts';
import { registrationBody } from '../../test/support/mocks/fixtures.ts';

const REG = '/ehospital/v1/registrations';

describe('capacity and Retry-After over HTTP', () => {
  let mocks: RunningMocks | undefined;
  afterEach(() => mocks?.close());

  it('above concurrency requests queue (latency grows); past the queue bound they get 503 with Retry-After', async () => {
    mocks = await startMocks({ services: ['ehospital'], runDir: undefined, config: { services: { ehospital: { capacity: { concurrency: 1, queueLimit: 2, retryAfterSec: 3, serviceTimeMs: 150 } } } } });
    const base = mocks.urls.ehospital;
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 10));
        const answer = await call({ base, path: REG, body: registrationBody(), headers: { 'X-Client-Id': `c${i}` } });
        return { status: answer.status, retryAfter: answer.headers.get('retry-after'), took: Date.now() - started };
      }),
    );
    const ok = answers.filter((answer) => answer.status === 201);
    const refused = answers.filter((answer) => answer.status === 503);
    expect(ok).toHaveLength(3);
    expect(refused).toHaveLength(2);
    expect(refused.every((answer) => answer.retryAfter === '3')).toBe(true);
    const tooks = ok.map((answer) => answer.took).sort((a, b) => a - b);
    expect(tooks[2]!).toBeGreaterThanOrEqual(3 * 150 - 20);
  });

  it('throughput: ratePerSec spaces requests apart', async () => {
    mocks = await startMocks({ services: ['ehospital'], config: { services: { ehospital: { capacity: { ratePerSec: 20, queueLimit: 50 } } } } });
    const base = mocks.urls.ehospital;
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => call({ base, path: REG, body: registrationBody() })));
    expect(Date.now() - started).toBeGreaterThanOrEqual(5 * 50 - 15);
  });

  it('records per client whether Retry-After was honoured', async () => {
    mocks = await startMocks({ services: ['ehospital'] });
    const base = mocks.urls.ehospital;
    await call({ base, path: '/__admin/faults', body: { id: 'busy', kind: 'status', settings: { status: 503, retryAfterSec: 1 } } });
    await call({ base, path: REG, body: registrationBody(), headers: { 'X-Client-Id': 'eager' } });
    await call({ base, path: REG, body: registrationBody(), headers: { 'X-Client-Id': 'patient' } });
    await call({ base, path: REG, body: registrationBody(), headers: { 'X-Client-Id': 'eager' } });
    await new Promise((resolve) => setTimeout(resolve, 1050));
    await call({ base, path: REG, body: registrationBody(), headers: { 'X-Client-Id': 'patient' } });
    const clients = await call({ base, path: '/__admin/clients' });
    const byId = Object.fromEntries(clients.body.map((c: { clientId: string }) => [c.clientId, c]));
    expect(byId.eager).toMatchObject({ requests: 2, retryAfterGiven: 2, ignored: 1, honoured: 0 });
    expect(byId.patient).toMatchObject({ requests: 2, retryAfterGiven: 2, honoured: 1, ignored: 0 });
  });
});

describe('idempotency switch', () => {
  it('a service that ignores Idempotency-Key stores a careless retry twice: one businessKey, two stored lines', async () => {
    const mocks = await startMocks({ services: ['ehospital'], config: { services: { ehospital: { idempotency: false } } } });
    try {
      const base = mocks.urls.ehospital;
      const headers = { 'Idempotency-Key': 'same', 'X-Correlation-Id': 'dup-1' };
      const first = await call({ base, path: REG, body: registrationBody(), headers });
      const second = await call({ base, path: REG, body: registrationBody(), headers });
      expect(second.body.visitId).not.toBe(first.body.visitId);
      const ledger = (await call({ base, path: '/__admin/ledger?format=json&clientRef=dup-1' })).body;
      expect(ledger).toHaveLength(2);
      expect(ledger[0].businessKey).toBe(ledger[1].businessKey);
      expect(ledger.every((entry: { storedAt: number | null }) => entry.storedAt !== null)).toBe(true);
    } finally {
      await mocks.close();
    }
  });

  it('concurrent repeats of one key wait for the first answer instead of writing twice', async () => {
    const mocks = await startMocks({ services: ['ehospital'], config: { services: { ehospital: { capacity: { concurrency: 4, serviceTimeMs: 50 } } } } });
    try {
      const base = mocks.urls.ehospital;
      const headers = { 'Idempotency-Key': 'race', 'X-Correlation-Id': 'race-1' };
      const answers = await Promise.all([1, 2, 3].map(() => call({ base, path: REG, body: registrationBody(), headers })));
      expect(new Set(answers.map((answer) => answer.body.visitId)).size).toBe(1);
      expect((await call({ base, path: '/__admin/ledger?format=json&clientRef=race-1' })).body).toHaveLength(1);
    } finally {
      await mocks.close();
    }
  });
});
