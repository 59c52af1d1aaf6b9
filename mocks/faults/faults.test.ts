import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { startMocks, type RunningMocks } from '../index.ts';
import { call } from '../../test/support/mocks/httpClient.ts';
import { abdmHeaders, ABHA_WITH_ACCOUNT, registrationBody } from '../../test/support/mocks/fixtures.ts';
import { startSink } from '../../test/support/mocks/sink.ts';

const REG = '/ehospital/v1/registrations';

describe('application faults over HTTP (POST/GET/DELETE /__admin/faults)', () => {
  let mocks: RunningMocks;
  let base: string;
  beforeEach(async () => {
    mocks = await startMocks({ services: ['ehospital', 'abdm', 'sms'], seed: 21, config: { services: { abdm: { callbackDelayMs: 10 } } } });
    base = mocks.urls.ehospital;
  });
  afterEach(() => mocks.close());

  const setFault = (body: unknown, on = base) => call({ base: on, path: '/__admin/faults', body });

  it('unknown kind: 400 listing the known kinds; bad settings: 400 naming the field', async () => {
    const unknown = await setFault({ kind: 'explode' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].message).toContain('known kinds: status, latency, slow-body, truncated-body, malformed-body, not-stored, session-expiry, rate-limit, callback');
    const bad = await setFault({ kind: 'status', settings: { status: 418 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('settings.status');
    expect((await setFault({ kind: 'status', rate: 2, settings: { status: 500 } })).body.error.fields[0].path).toBe('rate');
  });

  it('status at a rate: seeded, so the same seed and request order give the same decisions; GET lists, DELETE clears', async () => {
    const run = async () => {
      const local = await startMocks({ services: ['ehospital'], seed: 99 });
      try {
        await setFault({ kind: 'status', rate: 0.3, settings: { status: 503, retryAfterSec: 2 } }, local.urls.ehospital);
        const statuses: number[] = [];
        for (let i = 0; i < 40; i++) statuses.push((await call({ base: local.urls.ehospital, path: REG, body: registrationBody() })).status);
        return statuses;
      } finally {
        await local.close();
      }
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const failed = first.filter((status) => status === 503).length;
    expect(failed).toBeGreaterThan(4);
    expect(failed).toBeLessThan(24);
    const created = await setFault({ id: 'gw', kind: 'status', settings: { status: 502 } });
    expect(created.status).toBe(201);
    expect(created.body.description).toBe('ehospital: answer 502');
    expect((await call({ base, path: REG, body: registrationBody() })).status).toBe(502);
    const listed = await call({ base, path: '/__admin/faults' });
    expect(listed.body).toMatchObject([{ id: 'gw', kind: 'status', hits: 1 }]);
    expect((await call({ base, path: REG, body: registrationBody() })).status).toBe(502);
    // Removing answers how many requests the fault acted on while it was set.
    expect((await call({ base, method: 'DELETE', path: '/__admin/faults/gw' })).body).toEqual({ removed: 1, hits: 2 });
    expect((await call({ base, method: 'DELETE', path: '/__admin/faults/gw' })).status).toBe(404);
    expect((await call({ base, path: REG, body: registrationBody() })).status).toBe(201);
  });

  it('targets a route and a method: other routes and methods are untouched', async () => {
    await setFault({ id: 'bills', kind: 'status', target: { route: '/ehospital/v1/bills', method: 'POST' }, settings: { status: 500 } });
    const registered = await call({ base, path: REG, body: registrationBody() });
    expect(registered.status).toBe(201);
    expect((await call({ base, path: `/ehospital/v1/visits/${registered.body.visitId}` })).status).toBe(200);
    expect((await call({ base, path: '/ehospital/v1/bills', body: { visitId: registered.body.visitId, items: [{ code: 'CBC' }] } })).status).toBe(500);
    // Only the one request on its route counts as a hit.
    expect((await call({ base, path: '/__admin/faults' })).body).toMatchObject([{ id: 'bills', hits: 1 }]);
    await setFault({ kind: 'status', target: { service: 'abdm' }, settings: { status: 504 } });
    expect((await call({ base, path: REG, body: registrationBody() })).status).toBe(201);
  });

  it('latency: fixed adds the delay; uniform stays in its range', async () => {
    await setFault({ id: 'slow', kind: 'latency', settings: { distribution: { type: 'fixed', ms: 150 } } });
    let started = Date.now();
    await call({ base, path: REG, body: registrationBody() });
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    await setFault({ id: 'slow', kind: 'latency', settings: { distribution: { type: 'uniform', minMs: 50, maxMs: 80 } } });
    started = Date.now();
    await call({ base, path: REG, body: registrationBody() });
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(48);
    expect(took).toBeLessThan(3000);
    expect((await setFault({ kind: 'latency', settings: { distribution: { type: 'lognormal', medianMs: 100, p99Ms: 50 } } })).status).toBe(400);
  });

  it('slow-body sends the body in timed chunks; truncated-body cuts it; malformed-body is not JSON', async () => {
    await setFault({ id: 'b', kind: 'slow-body', settings: { chunkBytes: 20, chunkDelayMs: 30 } });
    const started = Date.now();
    const slow = await call({ base, path: REG, body: registrationBody() });
    expect(slow.status).toBe(201);
    expect(slow.body.uhid).toMatch(/^\d{12}$/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    await setFault({ id: 'b', kind: 'malformed-body' });
    const malformed = await call({ base, path: REG, body: registrationBody() });
    expect(malformed.status).toBe(201);
    expect(typeof malformed.body).toBe('string');
    expect(() => JSON.parse(malformed.body)).toThrow();
    await setFault({ id: 'b', kind: 'truncated-body', settings: { keepFraction: 0.5 } });
    await expect(call({ base, path: REG, body: registrationBody() })).rejects.toThrow();
  });

  it('not-stored: writes answer 201 but the ledger shows storedAt null and the record is missing', async () => {
    await setFault({ kind: 'not-stored', target: { route: REG } });
    const answered = await call({ base, path: REG, body: registrationBody(), headers: { 'X-Correlation-Id': 'lost-1' } });
    expect(answered.status).toBe(201);
    const ledger = await call({ base, path: '/__admin/ledger?format=json&clientRef=lost-1' });
    expect(ledger.body[0].storedAt).toBeNull();
    expect((await call({ base, path: `/ehospital/v1/visits/${answered.body.visitId}` })).status).toBe(404);
  });

  it('session-expiry: every session created before it gets 401 session_expired; a new login works', async () => {
    const login = await call({ base, path: '/ehospital/v1/sessions', body: { username: 'u', password: 'p' } });
    const auth = { authorization: `Bearer ${login.body.token}` };
    expect((await call({ base, path: REG, body: registrationBody(), headers: auth })).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await setFault({ kind: 'session-expiry' });
    const expired = await call({ base, path: REG, body: registrationBody(), headers: auth });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('session_expired');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await call({ base, path: '/ehospital/v1/sessions', body: { username: 'u', password: 'p' } });
    expect((await call({ base, path: REG, body: registrationBody(), headers: { authorization: `Bearer ${again.body.token}` } })).status).toBe(201);
  });

  it('rate-limit: per client, then 429 with Retry-After, or a 403 window', async () => {
    await setFault({ id: 'rl', kind: 'rate-limit', settings: { limit: 3, windowSec: 300 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call({ base, path: REG, body: registrationBody(), headers: { 'X-Client-Id': 'his-a' } })).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const limited = await call({ base, path: REG, body: registrationBody(), headers: { 'X-Client-Id': 'his-a' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(290);
    expect((await call({ base, path: REG, body: registrationBody(), headers: { 'X-Client-Id': 'his-b' } })).status).toBe(201);
    await setFault({ id: 'rl', kind: 'rate-limit', settings: { limit: 2, windowSec: 300, mode: '403-window', blockSec: 300 } });
    const window: number[] = [];
    for (let i = 0; i < 4; i++) window.push((await call({ base, path: REG, body: registrationBody(), headers: { 'X-Client-Id': 'his-c' } })).status);
    expect(window).toEqual([201, 201, 403, 403]);
    // Every request the limit metered counts as touched, those it let through too.
    expect((await call({ base, path: '/__admin/faults' })).body).toMatchObject([{ id: 'rl', hits: 4 }]);
  });

  it('callbacks: late adds delay, duplicate sends copies, missing sends none', async () => {
    const sink = await startSink();
    try {
      const abdm = mocks.urls.abdm;
      const share = () => call({ base: abdm, path: '/api/hiecm/patient-share/v3/share', body: { hipId: 'H', counterId: 'C', abhaNumber: ABHA_WITH_ACCOUNT, callbackUrl: `${sink.url}/cb` }, headers: abdmHeaders() });
      await setFault({ id: 'cb', kind: 'callback', settings: { mode: 'duplicate', copies: 3 } }, abdm);
      await share();
      expect((await sink.waitFor(3)).length).toBe(3);
      await setFault({ id: 'cb', kind: 'callback', settings: { mode: 'missing' } }, abdm);
      await share();
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(sink.received.length).toBe(3);
      await setFault({ id: 'cb', kind: 'callback', settings: { mode: 'late', delayMs: 300 } }, abdm);
      const sentAt = Date.now();
      await share();
      const received = await sink.waitFor(4, 3000);
      expect(received[3]!.at - sentAt).toBeGreaterThanOrEqual(290);
      const records = await call({ base: abdm, path: '/__admin/callbacks?service=abdm' });
      expect(records.body.filter((r: { error: string | null }) => r.error === 'dropped by fault')).toHaveLength(1);
    } finally {
      await sink.close();
    }
  });

  it('callback faults also delay SMS/OTP delivery (O5: OTP late or never)', async () => {
    const sms = mocks.urls.sms;
    await setFault({ kind: 'callback', target: { route: '/sms/v1/otp/send' }, settings: { mode: 'missing' } }, sms);
    await call({ base: sms, path: '/sms/v1/otp/send', body: { mobile: '9876500009' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await call({ base: sms, path: '/sms/v1/inbox/9876500009' })).body.messages).toEqual([]);
  });

  it('the server keeps answering after a truncated body closed a connection', async () => {
    await setFault({ kind: 'truncated-body' });
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${base}${REG}`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.on('data', () => undefined);
        res.on('error', () => resolve());
        res.on('aborted', () => resolve());
        res.on('end', () => resolve());
      });
      req.on('error', () => resolve());
      req.end(JSON.stringify(registrationBody()));
    });
    expect((await call({ base, path: '/__admin/health' })).status).toBe(200);
  });
});
