import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientStartupMs, realProcessTestMs } from '../examples/shared/testing/loadedMachineBounds.ts';
import { spawnClient } from '../examples/shared/testing/spawnClient.ts';
import { startMocks, type RunningMocks } from '../mocks/index.ts';
import { correlationIdHeader } from '../src/contract/headers.ts';
import { nicUrlVar } from '../src/contract/services.ts';
import { loadScenario } from '../src/scenario/loadScenario.ts';

// The shipped scenario's own figures: the patient pays the UPI QR about a simulated minute after it is shown and
// the webhook follows, both wall figures at the scenario's speed, as the mocks serve them in a run.
let mocks: RunningMocks;
let speed: number;
let outboxDir: string;
beforeAll(async () => {
  const { scenario } = await loadScenario('scenarios/payment-gateway-down.yaml');
  speed = scenario.clock.speed;
  mocks = await startMocks({ services: ['payment'], seed: 19, config: { services: { payment: scenario.services.payment ?? {} } } });
  outboxDir = await mkdtemp(path.join(os.tmpdir(), 'thap-callback-waits-'));
});
afterAll(async () => {
  await mocks?.close();
  await rm(outboxDir, { recursive: true, force: true });
});

const clients = ['naive', 'retry-storm', 'resilient', 'journal'];

describe('each reference client waits for the payment webhook on the scenario clock (its THAP_TIME_SCALE)', () => {
  it.each(clients)("%s waits out a patient paying at payment-gateway-down.yaml's timing: done with the UTR, one QR", async (name) => {
    const client = await spawnClient({
      script: `examples/${name}/server.ts`,
      env: { THAP_TIME_SCALE: String(speed), [nicUrlVar('payment')]: mocks.urls.payment, THAP_OUTBOX_DIR: await mkdtemp(path.join(outboxDir, `${name}-`)) },
      healthTimeoutMs: clientStartupMs,
    });
    const entity = `pt-9${String(clients.indexOf(name)).padStart(5, '0')}`;
    try {
      const response = await fetch(`${client.url}/opd/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [correlationIdHeader]: `${entity}.onlinePayment` },
        body: JSON.stringify({ uhid: `UH-${entity}`, visitId: `V-${entity}`, amountInr: 10, purpose: 'opd-card' }),
      });
      const body = (await response.json()) as { status: string; reason?: string; nic?: Record<string, unknown> };
      expect([response.status, body.status, body.reason]).toEqual([200, 'done', undefined]);
      expect(body.nic).toMatchObject({ qrId: expect.stringMatching(/^QR/), utr: expect.stringMatching(/^\d{12}$/) });
      const ledger = (await (await fetch(`${mocks.urls.payment}/__admin/ledger?format=json`)).json()) as Array<{ clientRef: string; entity: string }>;
      expect(ledger.filter((line) => line.clientRef === `${entity}.onlinePayment`).map((line) => line.entity)).toEqual(['payment-qr', 'payment-capture']);
    } finally {
      await client.stop();
    }
  }, realProcessTestMs);
});
