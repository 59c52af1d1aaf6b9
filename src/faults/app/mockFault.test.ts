import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../../../mocks/index.ts';
import type { ToxiproxyControl } from '../network/toxiproxyControl.ts';
import { faultRuntimes } from '../registry.ts';
import { createMocksAdmin } from './mocksAdmin.ts';

// Application faults against the real NIC mocks over HTTP: applied through the admin API, seen by a
// client request, removed by id, and the mocks asked afterwards that nothing is left.
let mocks: RunningMocks;
beforeAll(async () => {
  mocks = await startMocks({ services: ['ehospital'], seed: 1 });
});
afterAll(async () => mocks?.close());

const register = () =>
  fetch(`${mocks.urls.ehospital}/ehospital/v1/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-correlation-id': `pt-${Math.random()}.register` },
    body: JSON.stringify({
      patient: { name: 'Asha Yadav', gender: 'female', age: 34, mobile: '+919876500001', district: 'Lucknow', pin: '226003' },
      department: 'ophthalmology',
      visitType: 'new',
    }),
  });

const context = (faultId: string) => ({
  toxiproxy: {} as ToxiproxyControl,
  mocks: createMocksAdmin({ urls: mocks.urls }),
  service: 'ehospital' as const,
  proxyName: 'ehospital',
  faultId,
});

describe('application faults through the mocks admin API', () => {
  it('http-status answers the error on the targeted route until removed', async () => {
    const runtime = faultRuntimes.get('http-status')!;
    const settings = runtime.config.settings.parse({ status: 503, retryAfterSec: 5 }) as Record<string, unknown>;
    const remove = await runtime.apply(context('status-1'), { ...settings, route: '/ehospital/v1/registrations', rate: 1 });
    const during = await register();
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBe('5');
    expect(await createMocksAdmin({ urls: mocks.urls }).listFaults('ehospital')).toEqual([expect.objectContaining({ id: 'thap-status-1' })]);
    // Its removal says how many requests it acted on: the one registration above.
    expect(await remove()).toEqual({ hits: 1 });
    expect((await register()).status).toBe(201);
    expect(await createMocksAdmin({ urls: mocks.urls }).listFaults('ehospital')).toEqual([]);
  });

  it('slow-response delays answers by its distribution', async () => {
    const runtime = faultRuntimes.get('slow-response')!;
    const remove = await runtime.apply(context('slow-1'), { distribution: { type: 'fixed', ms: 150 } });
    const started = Date.now();
    expect((await register()).status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    await remove();
  });
});
