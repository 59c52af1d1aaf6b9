import { afterEach, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../index.ts';
import { call } from '../../test/support/mocks/httpClient.ts';
import { registrationBody } from '../../test/support/mocks/fixtures.ts';

const HOUR = 3_600_000;

describe('the mocks on a segmented incident clock, over HTTP', () => {
  let mocks: RunningMocks | undefined;
  afterEach(() => mocks?.close());

  it('serve the same simulated session lifetime and Retry-After at 60x and in a 600x segment', async () => {
    // 30 s wall at 60x: 30 simulated minutes. e-Hospital starts one request per 1,000 wall s: the second is refused.
    const services = { icmr: { sessionTtlSec: 30 }, ehospital: { capacity: { ratePerSec: 0.001, queueLimit: 0, retryAfterSec: 30 } } };
    const clock = { startSim: 9 * HOUR, speed: 60, segments: [{ fromSim: 10 * HOUR, speed: 600 }] };
    mocks = await startMocks({ services: ['ehospital', 'icmr'], config: { services, clock } });
    const base = mocks.urls.ehospital;
    const icmr = mocks.urls.icmr;
    const login = async () => {
      const before = Date.now();
      const answer = await call({ base: icmr, path: '/icmr/v1/sessions', body: { username: 'lab-1', password: 'synthetic' } });
      expect(answer.status).toBe(201);
      return { before, lifetime: Date.parse(answer.body.expiresAt as string), after: Date.now() };
    };
    const register = () => call({ base, path: '/ehospital/v1/registrations', body: registrationBody(), headers: { 'X-Client-Id': 'c1' } });

    // 09:00, the first segment (the clock started just now).
    expect((await call({ base, path: '/__admin/clock', body: { elapsedMs: 0 } })).body).toMatchObject({ segmented: true, started: true, speed: 60 });
    const early = await login();
    expect(early.lifetime - early.before).toBeGreaterThanOrEqual(30_000);
    expect(early.lifetime - early.after).toBeLessThanOrEqual(30_000);
    expect((await register()).status).toBe(201);
    const refusedEarly = await register();
    expect([refusedEarly.status, refusedEarly.headers.get('retry-after')]).toEqual([503, '30']);

    // 10:00:10, in the 600x segment: the clock started 61 wall seconds ago.
    expect((await call({ base, path: '/__admin/clock', body: { elapsedMs: 61_000 } })).body).toMatchObject({ segmented: true, started: true, speed: 600 });
    const late = await login();
    expect(late.lifetime - late.before).toBeGreaterThanOrEqual(3_000);
    expect(late.lifetime - late.after).toBeLessThanOrEqual(3_000);
    const refusedLate = await register();
    expect([refusedLate.status, refusedLate.headers.get('retry-after')]).toEqual([503, '3']);
  });

  it('refuses a clock start without elapsedMs, and serves a config without a clock as given', async () => {
    mocks = await startMocks({ services: ['ehospital'], config: { services: { ehospital: { sessionTtlSec: 30 } } } });
    const base = mocks.urls.ehospital;
    const bad = await call({ base, path: '/__admin/clock', body: { at: 5 } });
    expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringContaining('{"elapsedMs": N}')]);
    expect((await call({ base, path: '/__admin/clock' })).body).toEqual({ segmented: false, started: false });
    const before = Date.now();
    const answer = await call({ base, path: '/ehospital/v1/sessions', body: { username: 'clerk-1', password: 'synthetic' } });
    expect(Date.parse(answer.body.expiresAt as string) - before).toBeGreaterThanOrEqual(30_000);
  });
});
