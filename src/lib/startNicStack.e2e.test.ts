import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../core/index.ts';
import { startNicStack, type NicStack } from './index.ts';

// Real Toxiproxy server (found through thap's tool lookup: THAP_TOXIPROXY_PATH, PATH, the cache, or built)
// in front of the real NIC mocks, exactly as a user's suite would use it.
const registration = {
  patient: { name: 'Test Patient Synthetic', gender: 'F', age: 34, mobile: '9000000001', district: 'Lucknow', pin: '226003' },
  department: 'Medicine',
  visitType: 'new',
};

async function register(stack: NicStack): Promise<Response> {
  return fetch(`${stack.urls.ehospital}/ehospital/v1/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(registration),
    signal: AbortSignal.timeout(5_000),
  });
}

describe('startNicStack', () => {
  let stack: NicStack;
  beforeAll(async () => {
    stack = await startNicStack({ services: ['ehospital', 'sms'], seed: 3 });
  }, 5 * 60_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('serves the mocks through Toxiproxy and records writes in the ledger', async () => {
    expect(stack.urls.ehospital).not.toBe(stack.directUrls.ehospital);
    const response = await register(stack);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { visitId: string };
    const ledger = await stack.ledger({ service: 'ehospital' });
    expect(ledger.map((entry) => entry.id)).toContain(body.visitId);
    expect(await stack.ledger({ service: 'sms' })).toEqual([]);
  });

  it('applies a fault by name and removes it', async () => {
    const fault = await stack.applyFault({ kind: 'down', service: 'ehospital' });
    expect(fault.describe).toContain('down');
    await expect(register(stack)).rejects.toThrow();
    await fault.remove();
    expect((await register(stack)).status).toBe(201);
  });

  it('adds latency with validated settings', async () => {
    await stack.applyFault({ kind: 'latency', service: 'ehospital', settings: { latencyMs: 300 } });
    const started = performance.now();
    expect((await register(stack)).status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await stack.clearFaults();
    await expect(stack.applyFault({ kind: 'latency', service: 'ehospital', settings: { latencyMs: -5 } })).rejects.toThrow(/latencyMs must be above 0/);
  });

  it('names the known kinds when a kind is unknown', async () => {
    const error = await stack.applyFault({ kind: 'meteor', service: 'ehospital' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/unknown fault kind "meteor"; known: .*down.*latency/);
  });
});

describe('startNicStack stop', () => {
  it('removes faults and stops Toxiproxy and the mocks', async () => {
    const stack = await startNicStack({ services: ['ehospital'] });
    await stack.applyFault({ kind: 'down', service: 'ehospital' });
    await stack.stop();
    await expect(fetch(`${stack.toxiproxyApiUrl}/version`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
    await expect(fetch(`${stack.directUrls.ehospital}/__admin/health`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
  }, 60_000);
});
