import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../../mocks/index.ts';
import { registrationBody } from '../../test/support/mocks/fixtures.ts';
import { call } from '../../test/support/mocks/httpClient.ts';
import { startLoopbackServer } from '../../test/support/loopbackServer.ts';
import { attemptNic } from './attemptNic.ts';
import type { NicRequest } from './steps/journeyStep.ts';
import { WriteAudit, type AnsweredWrite } from './writeAudit.ts';

let mocks: RunningMocks;
let base: string;
beforeEach(async () => {
  mocks = await startMocks({ services: ['ehospital'], seed: 8 });
  base = mocks.urls.ehospital;
});
afterEach(() => mocks.close());

const admin = (method: 'POST' | 'DELETE', body?: unknown) => call({ base, method, path: '/__admin/faults', ...(body ? { body } : {}) });
const loseEveryWrite = () => admin('POST', { kind: 'not-stored', target: { method: 'POST' } });

/** Registers a patient as a client would (key = correlation id) and returns the write as the audit sees it. */
async function register(correlationId: string, n: number): Promise<AnsweredWrite> {
  const nicRequest: NicRequest = { method: 'POST', path: '/ehospital/v1/registrations', body: registrationBody({ patient: { ...registrationBody().patient, mobile: `98765${String(n).padStart(5, '0')}` } }), write: true };
  const attempt = await attemptNic({ baseUrl: base, nicRequest, correlationId, idempotencyKey: correlationId, timeoutMs: 1_000 });
  if (attempt.kind !== 'ok') throw new Error(`registration ${correlationId} failed`);
  return { baseUrl: base, step: 'register', nicRequest, correlationId, nic: attempt.response.body as Record<string, unknown> };
}

async function storedLines(correlationId: string): Promise<number> {
  const lines = (await call({ base, path: `/__admin/ledger?format=json&clientRef=${correlationId}` })).body as Array<{ storedAt: number | null }>;
  return lines.filter((line) => line.storedAt !== null).length;
}

describe('WriteAudit against the real e-Hospital mock', () => {
  it('trusts writes while NIC shows no trouble, and when trouble begins sends again those of them NIC lost', async () => {
    const events: Array<Record<string, unknown>> = [];
    const audit = new WriteAudit({ service: 'ehospital', holdMs: 60_000, timeoutMs: 1_000, logEvent: (event) => events.push(event) });
    await loseEveryWrite();
    const lost = await register('pt-1.register', 1);
    expect(await audit.confirm(lost)).toBe('unknown');
    await admin('DELETE');
    const kept = await register('pt-2.register', 2);
    expect(await audit.confirm(kept)).toBe('unknown');
    expect([await storedLines('pt-1.register'), await storedLines('pt-2.register')]).toEqual([0, 1]);

    audit.noteAttempt({ status: 504 });
    await audit.settled();
    expect([await storedLines('pt-1.register'), await storedLines('pt-2.register')]).toEqual([1, 1]);
    expect(events.map((event) => [event.event, event.correlationId])).toEqual([
      ['not-stored', 'pt-1.register'],
      ['resent', 'pt-1.register'],
    ]);

    // The counter holds the lost visit's id; its fee is sent for the visit NIC stored instead.
    const fee: NicRequest = { method: 'POST', path: '/ehospital/v1/bills', body: { visitId: lost.nic.visitId, items: [{ code: 'OPD_CARD' }] }, write: true };
    const rewritten = audit.rewrite(fee);
    expect((rewritten.body as { visitId: string }).visitId).not.toBe(lost.nic.visitId);
    const billed = await attemptNic({ baseUrl: base, nicRequest: rewritten, correlationId: 'pt-1.fee', timeoutMs: 1_000 });
    expect(billed.kind === 'ok' ? billed.response.status : billed).toBe(201);
    const visit = audit.rewrite({ method: 'GET', path: `/ehospital/v1/visits/${String(lost.nic.visitId)}`, write: false });
    expect(visit.path).toBe(`/ehospital/v1/visits/${(rewritten.body as { visitId: string }).visitId}`);
    expect(audit.rewrite({ method: 'GET', path: '/ehospital/v1/patients?mobile=9876500001', write: false }).path).toBe('/ehospital/v1/patients?mobile=9876500001');
    expect(audit.rewrite({ ...fee, body: { visitId: kept.nic.visitId } }).body).toEqual({ visitId: kept.nic.visitId });
  });

  it('does not look back at a write trusted longer ago than holdMs', async () => {
    const audit = new WriteAudit({ service: 'ehospital', holdMs: 200, timeoutMs: 1_000, logEvent: () => {} });
    await loseEveryWrite();
    expect(await audit.confirm(await register('pt-3.register', 3))).toBe('unknown');
    await new Promise((resolve) => setTimeout(resolve, 250));
    audit.noteAttempt({ status: 504 });
    await audit.settled();
    expect(await storedLines('pt-3.register')).toBe(0);
  });

  it('stops looking back at the first read NIC gives no answer to: a NIC that is down is not asked about every write', async () => {
    let reads = 0;
    const down = await startLoopbackServer((_request, response) => {
      reads += 1;
      response.writeHead(503).end();
    });
    try {
      const audit = new WriteAudit({ service: 'ehospital', holdMs: 60_000, timeoutMs: 1_000, logEvent: () => {} });
      const nicRequest: NicRequest = { method: 'POST', path: '/ehospital/v1/registrations', body: registrationBody(), write: true };
      for (let n = 0; n < 40; n += 1) await audit.confirm({ baseUrl: down.url, step: 'register', nicRequest, correlationId: `pt-${n}.register`, nic: { visitId: `V${n}` } });
      audit.noteAttempt({ status: 502 });
      await audit.settled();
      expect(reads).toBeGreaterThan(0);
      expect(reads).toBeLessThanOrEqual(8);
    } finally {
      await down.close();
    }
  });

  it('while in trouble reads back each write: not-stored when NIC lost it, stored when NIC has it', async () => {
    const audit = new WriteAudit({ service: 'ehospital', holdMs: 60_000, timeoutMs: 1_000, logEvent: () => {} });
    audit.noteAttempt({ status: 504 });
    await loseEveryWrite();
    expect(await audit.confirm(await register('pt-4.register', 4))).toBe('not-stored');
    await admin('DELETE');
    expect(await audit.confirm(await register('pt-5.register', 5))).toBe('stored');
  });
});
