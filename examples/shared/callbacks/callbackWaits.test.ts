import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../../../mocks/index.ts';
import { correlationIdHeader } from '../../../src/contract/headers.ts';
import { loadScenario } from '../../../src/scenario/loadScenario.ts';
import { referenceClients } from '../testing/referenceClients.ts';
import { callbackPolicies } from './callbackWaits.ts';

// The shipped scenario's own figures: the patient pays the QR about a minute (simulated) after it is shown, and
// its webhook follows; both are wall figures at the scenario's speed, as the mocks serve them.
let mocks: RunningMocks;
let speed: number;
let stateDir: string;
beforeAll(async () => {
  const { scenario } = await loadScenario('scenarios/payment-gateway-down.yaml');
  speed = scenario.clock.speed;
  mocks = await startMocks({ services: ['payment'], seed: 19, config: { services: { payment: scenario.services.payment ?? {} } } });
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'thap-callback-waits-'));
});
afterAll(async () => {
  await mocks?.close();
  await rm(stateDir, { recursive: true, force: true });
});

const clients = referenceClients({ stateDir: () => stateDir });

describe('the wait for a callback follows the scenario clock', () => {
  it('is the same simulated wait at any speed, and never below the floor', () => {
    const at = (timeScale: number) => callbackPolicies({ timeScale, floorMs: 100, resends: 0 })['payment-webhook'].waitMs;
    expect(at(90)).toBe(2000);
    expect(at(1)).toBe(180_000);
    expect(at(100_000)).toBe(100);
  });

  it.each(clients)('%s waits out a patient paying the UPI QR at payment-gateway-down.yaml\'s timing: done with the UTR, one QR', async (name, start) => {
    const client = await start({ port: 0, nic: { payment: mocks.urls.payment }, timeScale: speed });
    const entity = `pt-9${String(clients.findIndex(([other]) => other === name)).padStart(5, '0')}`;
    try {
      const response = await fetch(`${client.url}/opd/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [correlationIdHeader]: `${entity}.onlinePayment` },
        body: JSON.stringify({ uhid: `UH-${entity}`, visitId: `V-${entity}`, amountInr: 10, purpose: 'opd-card' }),
      });
      const body = (await response.json()) as { status: string; nic?: Record<string, unknown> };
      expect([response.status, body.status]).toEqual([200, 'done']);
      expect(body.nic).toMatchObject({ qrId: expect.stringMatching(/^QR/), utr: expect.stringMatching(/^\d{12}$/) });
      const ledger = (await (await fetch(`${mocks.urls.payment}/__admin/ledger?format=json`)).json()) as Array<{ clientRef: string; entity: string }>;
      expect(ledger.filter((line) => line.clientRef === `${entity}.onlinePayment`).map((line) => line.entity)).toEqual(['payment-qr', 'payment-capture']);
    } finally {
      await (client.stop ?? client.close)();
    }
  });
});
