import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer } from '../../test/support/loopbackServer.ts';
import { findFreePort } from '../stack/findFreePort.ts';
import { checkClients } from './checkClients.ts';

// A real loopback client whose /health answers 200 and whose /sick answers 503.
let server: Awaited<ReturnType<typeof startLoopbackServer>>;
let url: string;
beforeAll(async () => {
  server = await startLoopbackServer((request, response) => response.writeHead(request.url === '/health' ? 200 : 503).end());
  url = server.url;
});
afterAll(() => server.close());

describe('checkClients', () => {
  it('checks a client thap did not start at its health route', async () => {
    expect(await checkClients({ clients: [{ url }], healthPath: '/health' })).toMatchObject({ url: `${url}/health`, ok: true });
  });

  it('fails a client that answers otherwise, or where nobody listens, saying why', async () => {
    // 5 s of polling: at a load of 16 on two cores, 2 s of it saw no answer even on loopback.
    expect(await checkClients({ clients: [{ url }], healthPath: '/sick', timeoutMs: 5_000 })).toMatchObject({ ok: false, error: 'answered 503 (checked for 5000 ms)' });
    const nobody = `http://127.0.0.1:${await findFreePort()}`;
    expect(await checkClients({ clients: [{ url: nobody }], healthPath: '/health', timeoutMs: 2_000 })).toMatchObject({ url: `${nobody}/health`, ok: false, error: 'ECONNREFUSED (checked for 2000 ms)' });
  });

  it('keeps the check startClient made, and with regions names the first that failed', async () => {
    const failed = { url: 'http://127.0.0.1:1/health', ok: false, checkedAt: 1, error: 'the client exited (code 4) before it answered' };
    const health = await checkClients({ clients: [{ region: 'lucknow', url }, { region: 'tirupati', url: 'http://127.0.0.1:1', health: failed }], healthPath: '/health' });
    expect(health).toEqual(failed);
  });
});
