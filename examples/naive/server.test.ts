import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNic, type FakeNicAnswer } from '../shared/testing/fakeNic.ts';
import { spawnClient } from '../shared/testing/spawnClient.ts';

const patient = { name: 'Asha Yadav', gender: 'F', age: 34, mobile: '9876500001', district: 'Lucknow', pin: '226003' };

let mode: 'ok' | 'error' | 'reset' = 'ok';
let nic: Awaited<ReturnType<typeof startFakeNic>>;
let client: Awaited<ReturnType<typeof spawnClient>>;

beforeAll(async () => {
  nic = await startFakeNic({
    answer: (request): FakeNicAnswer => {
      if (request.path !== '/ehospital/v1/registrations') return { status: 404, body: { error: 'no route' } };
      if (mode === 'error') return { status: 503, body: { error: 'capacity' }, headers: { 'retry-after': '2' } };
      if (mode === 'reset') return 'reset';
      return { status: 201, body: { uhid: 'UH0001', visitId: 'V1', appointmentNo: 'A1', tokenNo: 17 } };
    },
  });
  client = await spawnClient({ script: 'examples/naive/server.ts', env: { THAP_NIC_EHOSPITAL_URL: nic.url, THAP_TIME_SCALE: '60' } });
});

afterAll(async () => {
  await client?.stop();
  await nic?.close();
});

function register(correlationId: string) {
  return fetch(`${client.url}/opd/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Correlation-Id': correlationId },
    body: JSON.stringify({ patient, department: 'Medicine', visitType: 'new' }),
  });
}

describe('naive client (real process)', () => {
  it('answers health', async () => {
    const response = await fetch(`${client.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });

  it('registers synchronously, forwards the correlation id and returns NIC ids', async () => {
    mode = 'ok';
    const before = nic.requests.length;
    const response = await register('c-ok-1');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'done', correlationId: 'c-ok-1', nic: { uhid: 'UH0001', visitId: 'V1', tokenNo: 17, appointmentNo: 'A1' } });
    const sent = nic.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers['x-correlation-id']).toBe('c-ok-1');
    expect(sent[0]?.headers['idempotency-key']).toBeUndefined();
    expect(sent[0]?.body).toEqual({ patient, department: 'Medicine', visitType: 'new' });
  });

  it('fails with 502 and no retry when NIC answers an error', async () => {
    mode = 'error';
    const before = nic.requests.length;
    const response = await register('c-err-1');
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ status: 'failed', correlationId: 'c-err-1', reason: expect.stringContaining('503') });
    expect(nic.requests.length - before).toBe(1);
  });

  it('fails with 503 when NIC drops the connection', async () => {
    mode = 'reset';
    const response = await register('c-reset-1');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'failed', correlationId: 'c-reset-1', reason: expect.stringContaining('unreachable') });
  });

  it('rejects a request without a correlation id with 400', async () => {
    const response = await fetch(`${client.url}/opd/registrations`, { method: 'POST', body: JSON.stringify({ patient, department: 'Medicine', visitType: 'new' }) });
    expect(response.status).toBe(400);
  });

  it('logs one JSON line per outcome', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const outcomes = client.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.step === 'register');
    expect(outcomes.map((line) => [line.correlationId, line.outcome, line.httpStatus])).toEqual([
      ['c-ok-1', 'done', 200],
      ['c-err-1', 'failed', 502],
      ['c-reset-1', 'failed', 503],
      ['', 'failed', 400],
    ]);
  });

  it('exits 0 on SIGTERM', async () => {
    expect(await client.stop()).toBe(0);
  });
});
