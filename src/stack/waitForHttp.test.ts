import { afterEach, describe, expect, it } from 'vitest';
import { startLoopbackServer } from '../../test/support/loopbackServer.ts';
import { pollHttp } from './waitForHttp.ts';

let server: Awaited<ReturnType<typeof startLoopbackServer>> | undefined;
afterEach(() => server?.close());

describe('pollHttp', () => {
  it('keeps what a full GET saw when the deadline cuts the last one short', async () => {
    // The first GET answers 503 at once; every later one hangs, so the last GET is cut short by the deadline.
    let asked = 0;
    server = await startLoopbackServer((_request, response) => {
      asked += 1;
      if (asked === 1) response.writeHead(503).end();
    });
    expect(await pollHttp({ url: server.url, timeoutMs: 600 })).toEqual({ ok: false, problem: 'answered 503' });
  });

  it('says no answer in time when a full GET hung', async () => {
    server = await startLoopbackServer(() => undefined);
    expect(await pollHttp({ url: server.url, timeoutMs: 1_500 })).toEqual({ ok: false, problem: 'no answer in time' });
  });
});
