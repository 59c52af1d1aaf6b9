import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from './index.ts';
import { createRng, type Rng } from './shared/rng.ts';
import { call } from './testing/httpClient.ts';
import { SERVICE_NAMES, type ServiceName } from './types.ts';

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
    for (const service of SERVICE_NAMES as readonly ServiceName[]) {
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
