import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeNic, type FakeNicAnswer, type FakeNicRequest } from '../shared/testing/fakeNic.ts';
import { startResilientClient, type RunningResilientClient } from './client.ts';
import { Outbox } from './outbox.ts';
import type { ResilientSettings } from './settings.ts';

const patient = { name: 'Pooja Srivastava', gender: 'female', age: 38, mobile: '+919450000321', district: 'Lucknow', pin: '226010' };
const fast: Partial<ResilientSettings> = {
  attemptTimeoutMs: 150,
  backoffInitialMs: 20,
  backoffMaxMs: 200,
  breakerFailures: 3,
  halfOpenAfterMs: 200,
  halfOpenMaxMs: 400,
  minDrainPerSecond: 50,
  rateWindowMs: 2000,
};
const portalSlots = 3;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A fake e-Hospital with an idempotent ledger: `mode` decides how it answers. */
async function fakeEhospital() {
  const state = {
    mode: 'up' as 'up' | 'reset' | 'hang' | 'busy' | 'down' | 'portal' | 'waf',
    stored: new Map<string, number>(),
    byKey: new Map<string, FakeNicAnswer>(),
    writes: [] as Array<{ at: number; request: FakeNicRequest }>,
    seq: 0,
    /** `portal` mode: writes being served, and the writes refused because `portalSlots` were all taken. */
    inService: 0,
    refused: 0,
    /** Visits stored, for the client's read-back of a registration (`GET /ehospital/v1/visits/:visitId`). */
    visits: new Set<string>(),
  };
  const nic = await startFakeNic({
    answer: async (request) => {
      if (state.mode === 'reset') return 'reset';
      if (state.mode === 'hang') return 'hang';
      if (request.method === 'GET') {
        if (state.mode !== 'up' && state.mode !== 'portal') return { status: 503, body: { error: { code: 'unavailable' } } };
        const visitId = decodeURIComponent(request.path.split('/').at(-1) ?? '');
        return state.visits.has(visitId) ? { status: 200, body: { visitId } } : { status: 404, body: { error: { code: 'visit_not_found' } } };
      }
      state.writes.push({ at: Date.now(), request });
      if (state.mode === 'waf') return { status: 403, body: { error: { code: 'forbidden_window' } } };
      if (state.mode === 'busy') return { status: 503, body: { error: { code: 'capacity' } }, headers: { 'retry-after': '1' } };
      if (state.mode === 'down') {
        state.refused += 1;
        return { status: 503, body: { error: { code: 'unavailable' } } };
      }
      if (state.mode === 'portal') {
        // A portal at capacity: three writes in service at once, 20 ms each; a fourth is refused.
        if (state.inService >= portalSlots) {
          state.refused += 1;
          return { status: 503, body: { error: { code: 'capacity' } } };
        }
        state.inService += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        state.inService -= 1;
      }
      const key = request.headers['idempotency-key'] as string | undefined;
      const replay = key ? state.byKey.get(key) : undefined;
      if (replay) return replay;
      state.seq += 1;
      const body = request.body as { uhid?: string };
      const answer: FakeNicAnswer = { status: 201, body: { uhid: body.uhid ?? `UH${state.seq}`, visitId: `V${state.seq}`, appointmentNo: `A${state.seq}`, tokenNo: state.seq } };
      if (key) state.byKey.set(key, answer);
      state.visits.add(`V${state.seq}`);
      const ref = request.headers['x-correlation-id'] as string;
      state.stored.set(ref, (state.stored.get(ref) ?? 0) + 1);
      return answer;
    },
  });
  cleanups.push(nic.close);
  return { nic, state };
}

async function tempOutbox(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'thap-resilient-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return path.join(dir, 'outbox.ndjson');
}

/** An outbox file holding `count` queued registrations, as an earlier run left it: all due at once. */
async function leftBacklog(prefix: string, count: number): Promise<{ outboxFile: string; ids: string[] }> {
  const outboxFile = await tempOutbox();
  const earlier = await Outbox.open({ file: outboxFile });
  const ids = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(2, '0')}.register`);
  for (const correlationId of ids) await earlier.accept({ correlationId, step: 'register', body: { patient, department: 'ent', visitType: 'new' }, params: {}, provides: [] });
  await earlier.close();
  return { outboxFile, ids };
}

async function start(args: { nicUrl: string; outboxFile: string; settings?: Partial<ResilientSettings>; events?: Array<Record<string, unknown>> }): Promise<RunningResilientClient> {
  const client = await startResilientClient({
    config: { port: 0, nic: { ehospital: args.nicUrl }, timeScale: 1 },
    outboxFile: args.outboxFile,
    settings: { ...fast, ...args.settings },
    log: () => {},
    logEvent: (event) => args.events?.push(event),
  });
  cleanups.push(client.stop);
  return client;
}

async function register(client: RunningResilientClient, correlationId: string, extra: Record<string, unknown> = {}) {
  const response = await fetch(`${client.url}/opd/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Correlation-Id': correlationId },
    body: JSON.stringify({ patient, department: 'ent', visitType: 'new', ...extra }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('resilient client', () => {
  it('sends the correlation id and an idempotency key on every write and answers done with NIC ids', async () => {
    const { nic, state } = await fakeEhospital();
    const client = await start({ nicUrl: nic.url, outboxFile: await tempOutbox() });
    const reply = await register(client, 'pt-1.register');
    expect(reply).toMatchObject({ status: 200, body: { status: 'done', correlationId: 'pt-1.register', nic: { uhid: 'UH1', visitId: 'V1' } } });
    expect(state.writes[0]?.request.headers['idempotency-key']).toBe('pt-1.register');
    expect(state.writes[0]?.request.headers['x-correlation-id']).toBe('pt-1.register');
  });

  it('gives up on a hanging NIC within its timeouts and queues the write with provisional ids', async () => {
    const { nic, state } = await fakeEhospital();
    state.mode = 'hang';
    const client = await start({ nicUrl: nic.url, outboxFile: await tempOutbox() });
    const reply = await register(client, 'pt-2.register');
    expect(reply.status).toBe(202);
    expect(reply.body).toMatchObject({ status: 'queued', provisionalId: 'RZ-000001', provisional: { uhid: 'RZ-000001-uhid', tokenNo: 'RZ-000001-tokenNo' } });
    // NIC never answers: the reply came because the client gave up after its attempts (two, each timed out),
    // not after NIC; counted rather than timed so a loaded machine cannot break it.
    expect(nic.requests).toHaveLength(2);
    expect(client.outbox.pendingCount).toBe(1);
  });

  it('opens the circuit and then answers queued at once without calling NIC; drains exactly once when NIC is back', async () => {
    const { nic, state } = await fakeEhospital();
    state.mode = 'reset';
    const events: Array<Record<string, unknown>> = [];
    // The circuit stays open for 3 s before a half-open probe: far longer than a loaded machine takes between two requests.
    const client = await start({ nicUrl: nic.url, outboxFile: await tempOutbox(), events, settings: { halfOpenAfterMs: 3000 } });
    for (let i = 0; i < 3; i++) expect((await register(client, `pt-${10 + i}.register`)).status).toBe(202);
    expect(client.guards.ehospital.isOpen).toBe(true);
    const callsBefore = nic.requests.length;
    const fastReply = await register(client, 'pt-13.register');
    expect(fastReply.status).toBe(202);
    // At once: no NIC call while the circuit is open.
    expect(nic.requests.length).toBe(callsBefore);
    state.mode = 'up';
    await expect.poll(() => client.outbox.pendingCount, { timeout: 20_000 }).toBe(0);
    for (let i = 10; i <= 13; i++) expect(state.stored.get(`pt-${i}.register`)).toBe(1);
    expect(events).toContainEqual(expect.objectContaining({ event: 'circuit', state: 'Open' }));
    expect(events).toContainEqual(expect.objectContaining({ event: 'drained', correlationId: 'pt-13.register' }));
  });

  it('closes the open circuit of a service it cannot queue for (SMS) through a live call once it is due: no drain probes it', async () => {
    let mode: 'reset' | 'up' = 'reset';
    const sms = await startFakeNic({ answer: () => (mode === 'reset' ? 'reset' : { status: 201, body: { otpId: 'OTP0000000001', expiresAt: '2026-12-05T10:05:00Z' } }) });
    cleanups.push(sms.close);
    const client = await startResilientClient({ config: { port: 0, nic: { sms: sms.url }, timeScale: 1 }, outboxFile: await tempOutbox(), settings: fast, log: () => {}, logEvent: () => {} });
    cleanups.push(client.stop);
    const sendOtp = async (correlationId: string) =>
      (await fetch(`${client.url}/opd/otp/send`, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Correlation-Id': correlationId }, body: JSON.stringify({ mobile: '+919450000321' }) })).status;
    for (let i = 0; i < 2; i++) expect(await sendOtp(`pt-30.sendOtp-${i}`)).toBe(503);
    expect(client.guards.sms.isOpen).toBe(true);
    mode = 'up';
    // OTP sends are the only traffic to the SMS gateway: one must go through as the half-open probe, or the circuit stays open for ever.
    await expect.poll(() => sendOtp('pt-31.sendOtp'), { timeout: 10_000, interval: 50 }).toBe(200);
    expect(client.guards.sms.isOpen).toBe(false);
  });

  it('does not duplicate a write whose first answer was only slow (same idempotency key on the retry)', async () => {
    const { state } = await fakeEhospital();
    let first = true;
    const slow = await startFakeNic({
      answer: async (request) => {
        if (first) {
          first = false;
          // stored, but the answer comes after the client's timeout
          state.stored.set('pt-20.register', 1);
          state.byKey.set(request.headers['idempotency-key'] as string, { status: 201, body: { uhid: 'UH-S', visitId: 'V-S', tokenNo: 1 } });
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
        return state.byKey.get(request.headers['idempotency-key'] as string) ?? { status: 500 };
      },
    });
    cleanups.push(slow.close);
    const client = await start({ nicUrl: slow.url, outboxFile: await tempOutbox() });
    const reply = await register(client, 'pt-20.register');
    expect(reply).toMatchObject({ status: 200, body: { nic: { uhid: 'UH-S' } } });
    const writes = slow.requests.filter((request) => request.method === 'POST');
    expect(writes.map((request) => request.headers['idempotency-key'])).toEqual(['pt-20.register', 'pt-20.register']);
    expect(state.stored.get('pt-20.register')).toBe(1);
  });

  it('holds a follow-up that names a provisional UHID until that registration is in, then sends NIC the real UHID', async () => {
    const { nic, state } = await fakeEhospital();
    state.mode = 'reset';
    const client = await start({ nicUrl: nic.url, outboxFile: await tempOutbox() });
    const first = await register(client, 'pt-30.register');
    const provisionalUhid = (first.body.provisional as Record<string, string>).uhid;
    const followup = await register(client, 'pt-30b.register', { visitType: 'followup', uhid: provisionalUhid });
    expect(followup.status).toBe(202);
    state.mode = 'up';
    await expect.poll(() => client.outbox.pendingCount, { timeout: 5000 }).toBe(0);
    const sent = state.writes.filter((write) => write.request.headers['x-correlation-id'] === 'pt-30b.register');
    expect(sent.at(-1)?.request.body).toMatchObject({ uhid: 'UH1', visitType: 'followup' });
    expect(client.outbox.get('pt-30b.register')?.state).toBe('submitted');
  });

  it('keeps queued work across a restart and submits it from the new process', async () => {
    const { nic, state } = await fakeEhospital();
    state.mode = 'reset';
    const outboxFile = await tempOutbox();
    const before = await start({ nicUrl: nic.url, outboxFile });
    for (let i = 0; i < 3; i++) expect((await register(before, `pt-4${i}.register`)).status).toBe(202);
    await before.stop();
    state.mode = 'up';
    const events: Array<Record<string, unknown>> = [];
    const after = await start({ nicUrl: nic.url, outboxFile, events });
    expect(events).toContainEqual(expect.objectContaining({ event: 'recovered', pending: 3 }));
    await expect.poll(() => after.outbox.pendingCount, { timeout: 5000 }).toBe(0);
    for (let i = 0; i < 3; i++) expect(state.stored.get(`pt-4${i}.register`)).toBe(1);
    // a repeated request after the restart gets NIC's ids, not a second write
    const repeat = await register(after, 'pt-40.register');
    expect(repeat).toMatchObject({ status: 200, body: { status: 'done', nic: { uhid: expect.stringMatching(/^UH/) } } });
    expect(state.stored.get('pt-40.register')).toBe(1);
  });

  it('waits out Retry-After before sending NIC the next drain attempt', async () => {
    const { nic, state } = await fakeEhospital();
    state.mode = 'reset';
    const client = await start({ nicUrl: nic.url, outboxFile: await tempOutbox(), settings: { breakerFailures: 100 } });
    expect((await register(client, 'pt-50.register')).status).toBe(202);
    state.mode = 'busy';
    await expect.poll(() => state.writes.length, { timeout: 3000 }).toBeGreaterThan(0);
    const firstBusy = state.writes[0]?.at ?? 0;
    state.mode = 'up';
    await expect.poll(() => client.outbox.pendingCount, { timeout: 5000 }).toBe(0);
    const next = state.writes[1]?.at ?? 0;
    expect(next - firstBusy).toBeGreaterThanOrEqual(950);
  });

  it("takes NIC's gateway 403 as a block for a while, not a refusal: queues the writes, holds its calls, delivers each once after", async () => {
    const { nic, state } = await fakeEhospital();
    state.mode = 'waf';
    const client = await start({ nicUrl: nic.url, outboxFile: await tempOutbox(), settings: { gatewayBlockMs: 400, breakerFailures: 100 } });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await register(client, `pt-6${i}.register`));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202, 202]);
    // The first write met the 403; the other four were queued without calling NIC while the block holds.
    expect(state.writes).toHaveLength(1);
    state.mode = 'up';
    await expect.poll(() => client.outbox.pendingCount, { timeout: 5000 }).toBe(0);
    expect([...state.stored.values()]).toEqual([1, 1, 1, 1, 1]);
    expect((state.writes[1]?.at ?? 0) - (state.writes[0]?.at ?? 0)).toBeGreaterThanOrEqual(350);
  });

  it('drains a backlog at no more than twice the incoming write rate', async () => {
    const { nic, state } = await fakeEhospital();
    state.mode = 'reset';
    const client = await start({ nicUrl: nic.url, outboxFile: await tempOutbox(), settings: { minDrainPerSecond: 2, rateWindowMs: 4000, halfOpenAfterMs: 100 } });
    // 5 writes/s offered for 2 s while NIC is down: all queued
    for (let i = 0; i < 10; i++) {
      expect((await register(client, `pt-6${i}.register`)).status).toBe(202);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    state.mode = 'up';
    await expect.poll(() => client.outbox.pendingCount, { timeout: 10_000 }).toBe(0);
    const drained = state.writes.map((write) => write.at).sort((a, b) => a - b);
    expect(drained).toHaveLength(10);
    // at most 2 x 5/s = 10 per second; a flush of everything at once would put all 10 within a few ms
    for (const [index, at] of drained.entries()) {
      const inNextSecond = drained.slice(index).filter((other) => other - at < 1000).length;
      expect(inNextSecond).toBeLessThanOrEqual(10);
    }
    expect((drained.at(-1) ?? 0) - (drained[0] ?? 0)).toBeGreaterThan(500);
  });

  it('drains a backlog through a portal that refuses writes over its capacity: all stored once, fewer refusals than writes', async () => {
    const { nic, state } = await fakeEhospital();
    state.mode = 'portal';
    const writes = 24;
    const { outboxFile, ids } = await leftBacklog('pt-7', writes);
    // A rate budget far above the portal's capacity, so only the drain's limit keeps it from overfilling the
    // portal; failures never open the circuit here.
    const client = await start({ nicUrl: nic.url, outboxFile, settings: { minDrainPerSecond: 2000, breakerFailures: 1000 } });
    await expect.poll(() => client.outbox.pendingCount, { timeout: 20_000 }).toBe(0);
    for (const correlationId of ids) expect(state.stored.get(correlationId)).toBe(1);
    // A drain holding its first 8 writes in flight would be refused five times for every three stored; one
    // that halves on each push-back settles around the portal's 3 slots.
    expect(state.refused).toBeGreaterThan(0);
    expect(state.refused).toBeLessThan(writes);
  });

  it('probes a route that keeps failing with one write now and then, not with every write of it that is due', async () => {
    const { nic, state } = await fakeEhospital();
    state.mode = 'down';
    const writes = 40;
    const { outboxFile, ids } = await leftBacklog('pt-8', writes);
    // The circuit never opens here: only the drain's hold on the failing route spaces its writes.
    const client = await start({ nicUrl: nic.url, outboxFile, settings: { minDrainPerSecond: 2000, breakerFailures: 1000 } });
    await new Promise((resolve) => setTimeout(resolve, 600));
    state.mode = 'up';
    await expect.poll(() => client.outbox.pendingCount, { timeout: 20_000 }).toBe(0);
    for (const correlationId of ids) expect(state.stored.get(correlationId)).toBe(1);
    // Every due write sent in turn would be refused at least once each (40); the held route: the first
    // round in flight, then one write per doubling wait.
    expect(state.refused).toBeGreaterThan(0);
    expect(state.refused).toBeLessThan(writes);
  });
});
