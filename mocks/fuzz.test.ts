import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from './index.ts';
import { createRng, type Rng } from './shared/rng.ts';
import { registrationBody } from '../test/support/mocks/fixtures.ts';
import { call } from '../test/support/mocks/httpClient.ts';
import { MAX_TIMER_MS } from '../src/util/timerBounds.ts';
import { serviceNames, type ServiceName } from '../src/contract/services.ts';

/** Generates a bad JSON body: wrong types, missing fields, deep nesting, odd strings, or not JSON at all. */
function badBody(rng: Rng, depth = 0): string {
  const pick = <T>(items: T[]): T => items[Math.floor(rng() * items.length)]!;
  const value = (d: number): unknown => {
    const kind = Math.floor(rng() * (d > 3 ? 6 : 9));
    switch (kind) {
      case 0: return null;
      case 1: return rng() * 1e12 - 5e11;
      case 2: return pick(['', ' ', '\u0000', '☃', 'x'.repeat(5000), '9876500001', '2021-13-45T99:99:99Z', '__proto__', '<script>']);
      case 3: return rng() < 0.5;
      case 4: return pick([NaN, -1, 0, 1.5, 1e308]);
      case 5: return pick(['patient', 'srfIds', 'visitId']);
      case 6: return Array.from({ length: Math.floor(rng() * 4) }, () => value(d + 1));
      default: {
        const keys = ['patient', 'name', 'age', 'mobile', 'pin', 'department', 'visitType', 'uhid', 'srfIds', 'labId', 'items', 'tests', 'otp', 'otpId', 'amountPaise', 'callbackUrl', 'abhaNumber', 'constructor', '__proto__'];
        return Object.fromEntries(Array.from({ length: 1 + Math.floor(rng() * 5) }, () => [pick(keys), value(d + 1)]));
      }
    }
  };
  const roll = rng();
  if (roll < 0.1) return '{"patient": {"name": "A", ';
  if (roll < 0.15) return 'not json at all';
  if (roll < 0.2) return '[' .repeat(2000);
  return JSON.stringify(value(depth)) ?? 'null';
}

describe('fuzz: every route with generated bad bodies', () => {
  let mocks: RunningMocks;
  beforeAll(async () => {
    mocks = await startMocks({ seed: 17, config: { services: { payment: { autoPayMs: null } } } });
  });
  afterAll(() => mocks.close());

  it('never answers 5xx, never crashes, and every service still answers its health check', async () => {
    const rng = createRng(4242);
    const seen: Record<string, number[]> = {};
    for (const service of serviceNames as readonly ServiceName[]) {
      const base = mocks.urls[service];
      const routes = (await call({ base, path: '/__admin/routes' })).body as Array<{ method: string; path: string }>;
      expect(routes.length).toBeGreaterThan(0);
      for (const route of routes) {
        const path = route.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(badBody(rng).slice(0, 30)) || 'x');
        for (let i = 0; i < 25; i++) {
          const answer = route.method === 'GET'
            ? await call({ base, path: `${path}?mobile=${encodeURIComponent(badBody(rng).slice(0, 40))}&uhid=%E0%A4` })
            : await call({ base, method: route.method, path, raw: badBody(rng) });
          (seen[`${route.method} ${route.path}`] ??= []).push(answer.status);
          expect(answer.status, `${route.method} ${route.path}`).toBeLessThan(500);
        }
      }
      expect((await call({ base, path: '/__admin/health' })).status).toBe(200);
    }
    const writes = Object.entries(seen).filter(([key]) => key.startsWith('POST'));
    expect(writes.every(([, statuses]) => statuses.some((status) => status === 400 || status === 404))).toBe(true);
  });
});

/** Bodies the mocks cannot honour: nested beyond any bound, larger than the body limit, numbers no timer holds. */
function hostileBody(rng: Rng): string {
  const depth = 33 + Math.floor(rng() * 20_000);
  const open = rng() < 0.5 ? '[' : '{"a":';
  const close = open === '[' ? ']' : '}';
  const roll = rng();
  if (roll < 0.4) return `${open.repeat(depth)}1${close.repeat(depth)}`;
  if (roll < 0.5) return open.repeat(depth);
  if (roll < 0.6) return JSON.stringify({ patient: { name: 'x'.repeat(1024 * 1024 + Math.floor(rng() * 1000)) } });
  return JSON.stringify({ patient: { name: 'Sita Maurya', age: 2 ** (31 + Math.floor(rng() * 40)), mobile: '9876500001', pin: '226003' } });
}

/** Admin API requests a mock cannot honour: timers beyond 2^31 - 1 ms, bad kinds, deep nesting, odd routes. */
function hostileAdminRequest(rng: Rng): { method: string; path: string; raw?: string } {
  const huge = MAX_TIMER_MS + 1 + Math.floor(rng() * 1e12);
  const pick = <T>(items: T[]): T => items[Math.floor(rng() * items.length)]!;
  return pick([
    { method: 'POST', path: '/__admin/faults', raw: JSON.stringify({ kind: 'latency', settings: { distribution: { type: 'fixed', ms: huge } } }) },
    { method: 'POST', path: '/__admin/faults', raw: JSON.stringify({ kind: 'latency', settings: { distribution: { type: 'uniform', minMs: 0, maxMs: huge } } }) },
    { method: 'POST', path: '/__admin/faults', raw: JSON.stringify({ kind: 'latency', settings: { distribution: { type: 'lognormal', medianMs: 5, p99Ms: huge } } }) },
    { method: 'POST', path: '/__admin/faults', raw: JSON.stringify({ kind: 'slow-body', settings: { chunkDelayMs: huge } }) },
    { method: 'POST', path: '/__admin/faults', raw: JSON.stringify({ kind: 'callback', settings: { mode: 'late', delayMs: huge } }) },
    { method: 'POST', path: '/__admin/faults', raw: JSON.stringify({ kind: 'rate-limit', settings: { windowSec: huge } }) },
    { method: 'POST', path: '/__admin/faults', raw: JSON.stringify({ kind: 'status', settings: { status: 503, retryAfterSec: huge } }) },
    { method: 'POST', path: '/__admin/faults', raw: JSON.stringify({ kind: pick(['', 'Latency', '__proto__', 'x'.repeat(300)]) }) },
    { method: 'POST', path: '/__admin/faults', raw: JSON.stringify({ kind: 'latency', rate: pick([-1, 2, 1e308]), settings: {} }) },
    { method: 'POST', path: '/__admin/faults', raw: '['.repeat(10_000) },
    { method: 'POST', path: '/__admin/faults', raw: '{"kind":' },
    { method: 'DELETE', path: `/__admin/faults/${encodeURIComponent(pick(['nope', '%', '../../x', '\u0000']))}` },
    { method: pick(['GET', 'POST', 'PUT', 'PATCH']), path: pick(['/__admin/nothing', '/__admin/', '/__admin/faults/x/y', '/__admin/ledger/1', '/nowhere', '/%2e%2e/']) },
  ]);
}

describe('fuzz: what the mocks cannot honour is refused with 4xx, the server stays up and the ledger intact', () => {
  let mocks: RunningMocks;
  beforeAll(async () => {
    mocks = await startMocks({ seed: 23, config: { services: { payment: { autoPayMs: null } } } });
  });
  afterAll(() => mocks.close());

  it('refuses 400+ hostile requests across the five services and the admin API', async () => {
    const registered = await call({ base: mocks.urls.ehospital, path: '/ehospital/v1/registrations', body: registrationBody(), headers: { 'x-correlation-id': 'fuzz-before' } });
    expect(registered.status).toBe(201);
    const ledgerBefore = (await call({ base: mocks.urls.ehospital, path: '/__admin/ledger?format=json' })).body as unknown[];
    expect(ledgerBefore.length).toBeGreaterThan(0);
    const rng = createRng(9090);
    const statuses: number[] = [];
    for (const service of serviceNames as readonly ServiceName[]) {
      const base = mocks.urls[service];
      const writes = ((await call({ base, path: '/__admin/routes' })).body as Array<{ method: string; path: string; write: boolean }>).filter((route) => route.method !== 'GET');
      for (let i = 0; i < 50; i++) {
        const route = writes[i % writes.length]!;
        const answer = await call({ base, method: route.method, path: route.path.replace(/:[A-Za-z]+/g, 'x1'), raw: hostileBody(rng) });
        expect(answer.status, `${service} ${route.method} ${route.path}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${service} ${route.method} ${route.path}`).toBeLessThan(500);
        statuses.push(answer.status);
      }
      for (let i = 0; i < 40; i++) {
        const request = hostileAdminRequest(rng);
        const answer = await call({ base, ...request });
        expect(answer.status, `${service} ${request.method} ${request.path} ${request.raw?.slice(0, 80) ?? ''}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${service} ${request.method} ${request.path}`).toBeLessThan(500);
        statuses.push(answer.status);
      }
      expect((await call({ base, path: '/__admin/health' })).status).toBe(200);
      expect((await call({ base, path: '/__admin/faults' })).body).toEqual([]);
    }
    expect(statuses.length).toBeGreaterThanOrEqual(400);
    expect(new Set(statuses)).toEqual(new Set([400, 404, 413]));
    expect((await call({ base: mocks.urls.ehospital, path: '/__admin/ledger?format=json' })).body).toEqual(ledgerBefore);
  });
});
