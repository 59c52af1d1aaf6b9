import { afterEach, describe, expect, it } from 'vitest';
import { startFakeNic, type FakeNicAnswer, type FakeNicRequest } from '../shared/testing/fakeNic.ts';
import { startRetryStormClient } from './client.ts';

const patient = { name: 'Kavita Tiwari', gender: 'female', age: 29, mobile: '+919935000111', district: 'Ayodhya', pin: '224001' };
const registered: FakeNicAnswer = { status: 201, body: { uhid: 'UH1', visitId: 'V1', appointmentNo: 'A1', tokenNo: 3 } };
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function setup(answer: (request: FakeNicRequest, index: number) => FakeNicAnswer | Promise<FakeNicAnswer>) {
  let index = 0;
  const nic = await startFakeNic({ answer: (request) => answer(request, index++) });
  const events: Array<Record<string, unknown>> = [];
  const client = await startRetryStormClient({
    config: { port: 0, nic: { ehospital: nic.url }, timeScale: 1 },
    settings: { attemptTimeoutMs: 150, flushEveryMs: 20, maxRounds: 3 },
    log: () => {},
    logEvent: (event) => events.push(event),
  });
  cleanups.push(nic.close, client.stop);
  const register = async (correlationId: string) => {
    const response = await fetch(`${client.url}/opd/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Correlation-Id': correlationId },
      body: JSON.stringify({ patient, department: 'ent', visitType: 'new' }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return { nic, client, events, register };
}

describe('retry-storm client', () => {
  it('retries back to back without an idempotency key until NIC answers', async () => {
    const { nic, register } = await setup((_request, index) => (index < 3 ? { status: 503, body: { error: 'busy' } } : registered));
    const reply = await register('pt-1.register');
    expect(reply).toMatchObject({ status: 200, body: { status: 'done', nic: { uhid: 'UH1' } } });
    expect(nic.requests).toHaveLength(4);
    expect(nic.requests.every((request) => request.headers['idempotency-key'] === undefined)).toBe(true);
    expect(new Set(nic.requests.map((request) => request.headers['x-correlation-id']))).toEqual(new Set(['pt-1.register']));
  });

  it('sends a write twice when the first answer is only slow (a duplicate at NIC)', async () => {
    const { nic, register } = await setup(async (_request, index) => {
      if (index === 0) await new Promise((resolve) => setTimeout(resolve, 400));
      return registered;
    });
    const reply = await register('pt-2.register');
    expect(reply.status).toBe(200);
    expect(nic.requests).toHaveLength(2);
    expect(nic.requests[1]?.body).toEqual(nic.requests[0]?.body);
  });

  it('queues a write NIC refused, then floods NIC with resends and delivers it when NIC is back', async () => {
    let down = true;
    const { nic, client, events, register } = await setup(() => (down ? 'reset' : registered));
    const reply = await register('pt-3.register');
    expect(reply).toMatchObject({ status: 202, body: { status: 'queued', correlationId: 'pt-3.register', provisionalId: expect.stringMatching(/^RS-/) } });
    expect(client.queue.size).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    down = false;
    await expect.poll(() => client.queue.size, { timeout: 2000 }).toBe(0);
    expect(events).toContainEqual(expect.objectContaining({ event: 'flushed', correlationId: 'pt-3.register' }));
    // 5 back-to-back attempts plus at least one flush round for one accepted write: amplification > 5.
    expect(nic.requests.length).toBeGreaterThan(5);
  });

  it('drops a queued write silently after its flush rounds run out', async () => {
    const { client, events, register } = await setup(() => 'reset');
    expect((await register('pt-4.register')).status).toBe(202);
    await expect.poll(() => client.queue.size, { timeout: 2000 }).toBe(0);
    expect(events).toContainEqual(expect.objectContaining({ event: 'abandoned', correlationId: 'pt-4.register', rounds: 3 }));
  });

  it('fails at once, without queueing, when NIC rejects the request as bad', async () => {
    const { nic, client, register } = await setup(() => ({ status: 400, body: { error: { code: 'invalid_body' } } }));
    const reply = await register('pt-5.register');
    expect(reply).toMatchObject({ status: 502, body: { status: 'failed' } });
    expect(nic.requests).toHaveLength(1);
    expect(client.queue.size).toBe(0);
  });
});
