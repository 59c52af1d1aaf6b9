import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer } from '../../test/support/loopbackServer.ts';
import { findFreePort } from '../stack/findFreePort.ts';
import { probeHarness } from './probeHarness.ts';

// A real loopback server standing in for the mocks' health route: /ok answers like it, /broken with 503,
// /hang never answers.
let server: Awaited<ReturnType<typeof startLoopbackServer>>;
let base: string;
beforeAll(async () => {
  server = await startLoopbackServer((request, response) => {
    if (request.url === '/ok') response.end(JSON.stringify({ ok: true, service: 'ehospital', eventLoopP99Ms: 6.2 }));
    else if (request.url === '/broken') response.writeHead(503).end();
  });
  base = server.url;
});
afterAll(() => server.close());

describe('probeHarness', () => {
  it('is ok with a latency and the event-loop delay the health route reports', async () => {
    const probe = await probeHarness({ target: 'mocks', url: `${base}/ok`, timeoutMs: 2_000, now: () => 42 });
    expect(probe).toMatchObject({ t: 42, target: 'mocks', ok: true, eventLoopP99Ms: 6.2 });
    expect(probe.latencyMs).toBeGreaterThan(0);
  });

  it('fails with the status, with no answer in time, or with the connection error', async () => {
    expect(await probeHarness({ target: 'toxiproxy', url: `${base}/broken`, timeoutMs: 2_000 })).toMatchObject({ ok: false, error: 'answered 503' });
    expect(await probeHarness({ target: 'mocks', url: `${base}/hang`, timeoutMs: 100 })).toMatchObject({ ok: false, error: 'no answer within 100 ms' });
    const closedPort = await findFreePort();
    expect(await probeHarness({ target: 'mocks', url: `http://127.0.0.1:${closedPort}/`, timeoutMs: 2_000 })).toMatchObject({ ok: false, error: 'ECONNREFUSED' });
  });
});
