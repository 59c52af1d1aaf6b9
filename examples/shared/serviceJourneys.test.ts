import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../../mocks/index.ts';
import { ABHA_WITH_ACCOUNT } from '../../test/support/mocks/fixtures.ts';
import { correlationIdHeader } from '../../src/contract/headers.ts';
import { startJournalClient } from '../journal/client.ts';
import { startNaiveClient } from '../naive/client.ts';
import { startResilientClient } from '../resilient/client.ts';
import { startRetryStormClient } from '../retry-storm/client.ts';
import type { ClientConfig } from './config.ts';
import type { RunningServer } from './jsonServer.ts';
import { serviceJourney } from './testing/serviceJourney.ts';

let mocks: RunningMocks;
let stateDir: string;
beforeAll(async () => {
  mocks = await startMocks({ services: ['sms', 'abdm', 'payment'], seed: 71, config: { services: { abdm: { callbackDelayMs: 10 }, payment: { autoPayMs: 30, callbackDelayMs: 10 } } } });
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'thap-service-journeys-'));
});
afterAll(async () => {
  await mocks?.close();
  await rm(stateDir, { recursive: true, force: true });
});

const nic = () => ({ sms: mocks.urls.sms, abdm: mocks.urls.abdm, payment: mocks.urls.payment });
type Start = (config: ClientConfig) => Promise<RunningServer & { stop?: () => Promise<void> }>;
const clients: Array<[string, Start]> = [
  ['naive', (config) => startNaiveClient({ config, log: () => {} })],
  ['retry-storm', (config) => startRetryStormClient({ config, log: () => {}, logEvent: () => {} })],
  ['resilient', (config) => startResilientClient({ config, outboxFile: path.join(stateDir, 'outbox.ndjson'), log: () => {}, logEvent: () => {} })],
  ['journal', (config) => startJournalClient({ config, journalFile: path.join(stateDir, 'journal.ndjson'), settings: { answerBudgetMs: 10_000 }, log: () => {}, logEvent: () => {} })],
];

async function ledger(): Promise<Array<{ clientRef: string; entity: string; id: string }>> {
  return (await (await fetch(`${mocks.urls.sms}/__admin/ledger?format=json`)).json()) as Array<{ clientRef: string; entity: string; id: string }>;
}

async function setFault(service: 'abdm' | 'payment', body: unknown): Promise<void> {
  const response = await fetch(`${mocks.urls[service]}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
}

async function clearFaults(): Promise<void> {
  for (const service of ['abdm', 'payment'] as const) await fetch(`${mocks.urls[service]}/__admin/faults`, { method: 'DELETE' });
}

describe.each(clients)('%s client: OTP, ABHA Scan and Share and online payment against the real mocks', (name, start) => {
  it('verifies the mobile, gets the share token from the on-share callback and the UTR from the webhook', async () => {
    const client = await start({ port: 0, nic: nic(), timeScale: 60 });
    try {
      const n = 100 * (clients.findIndex(([other]) => other === name) + 1);
      const answers = await serviceJourney({ url: client.url, smsUrl: mocks.urls.sms, n, abhaNumber: ABHA_WITH_ACCOUNT, visitId: `V-${n}` });
      expect(answers.map((answer) => [answer.step, answer.status])).toEqual([
        ['sendOtp', 200],
        ['verifyOtp', 200],
        ['abhaShare', 200],
        ['onlinePayment', 200],
      ]);
      const [, verified, share, payment] = answers.map((answer) => answer.body.nic as Record<string, unknown>);
      expect(verified).toMatchObject({ verificationId: expect.stringMatching(/^VOTP/) });
      expect(share).toMatchObject({ requestId: expect.any(String), tokenNumber: expect.anything(), abhaAddress: expect.stringMatching(/@sbx$/) });
      expect(payment).toMatchObject({ qrId: expect.stringMatching(/^QR/), utr: expect.stringMatching(/^\d{12}$/) });
      const lines = await ledger();
      const entity = `pt-${String(n).padStart(6, '0')}`;
      // NIC's ledger holds what each done claims: the verification, the share's received token, one capture.
      expect(lines.filter((line) => line.clientRef === `${entity}.verifyOtp`).map((line) => line.id)).toEqual([verified!.verificationId]);
      expect(lines.filter((line) => line.clientRef === `${entity}.abhaShare`).map((line) => line.entity)).toEqual(['share-token', 'share-token-received']);
      expect(lines.filter((line) => line.clientRef === `${entity}.onlinePayment`).map((line) => line.entity)).toEqual(['payment-qr', 'payment-capture']);
    } finally {
      await (client.stop ?? client.close)();
    }
  });
});

describe('when the callback never comes (outages.md O11: on-share missing)', () => {
  it('resilient reads the token from the status route; retry-storm shares again and again', async () => {
    await setFault('abdm', { id: 'lost', kind: 'callback', settings: { mode: 'missing' } });
    const resilient = await startResilientClient({ config: { port: 0, nic: nic(), timeScale: 600 }, outboxFile: path.join(stateDir, 'o11.ndjson'), log: () => {}, logEvent: () => {} });
    const storm = await startRetryStormClient({ config: { port: 0, nic: nic(), timeScale: 600 }, log: () => {}, logEvent: () => {} });
    try {
      const share = async (url: string, entity: string) =>
        fetch(`${url}/opd/abha-shares`, { method: 'POST', headers: { 'content-type': 'application/json', [correlationIdHeader]: `${entity}.abhaShare` }, body: JSON.stringify({ abhaNumber: ABHA_WITH_ACCOUNT, counterId: entity }) });
      const calm = await share(resilient.url, 'pt-900001');
      expect(calm.status).toBe(200);
      expect(((await calm.json()) as { nic: Record<string, unknown> }).nic).toMatchObject({ tokenNumber: expect.anything() });
      const stormy = await share(storm.url, 'pt-900002');
      expect(stormy.status).toBe(503);
      expect(((await stormy.json()) as { reason: string }).reason).toBe('no callback from NIC abdm; registration proceeds without ABHA');
      const lines = await ledger();
      // One share and four resends at least (a slow answer also makes it retry at once, without a key).
      expect(lines.filter((line) => line.clientRef === 'pt-900002.abhaShare' && line.entity === 'share-token').length).toBeGreaterThanOrEqual(5);
      expect(lines.filter((line) => line.clientRef === 'pt-900001.abhaShare').map((line) => line.entity)).toEqual(['share-token', 'share-token-received']);
    } finally {
      await clearFaults();
      await resilient.stop();
      await storm.stop();
    }
  });

  it('resilient answers at once, degraded, while the payment gateway is down: fee recorded as cash-pending', async () => {
    await setFault('payment', { id: 'down', kind: 'status', settings: { status: 503 } });
    const resilient = await startResilientClient({ config: { port: 0, nic: nic(), timeScale: 600 }, outboxFile: path.join(stateDir, 'pay.ndjson'), log: () => {}, logEvent: () => {} });
    try {
      const reasons: string[] = [];
      for (let i = 0; i < 8; i++) {
        const response = await fetch(`${resilient.url}/opd/payments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [correlationIdHeader]: `pt-91000${i}.onlinePayment` },
          body: JSON.stringify({ uhid: 'UH-1', visitId: `V-9${i}`, amountInr: 10, purpose: 'opd-card' }),
        });
        expect(response.status).toBeGreaterThanOrEqual(500);
        reasons.push(((await response.json()) as { reason: string }).reason);
      }
      // Once the breaker opens it no longer calls NIC and says what the counter does instead.
      expect(reasons.at(-1)).toBe('NIC payment unavailable (circuit open); fee recorded as cash-pending');
    } finally {
      await clearFaults();
      await resilient.stop();
    }
  });
});
