import { describe, expect, it } from 'vitest';
import { createServer, type ServerResponse } from 'node:http';
import { runOpenLoop } from './openLoop.ts';

describe('runOpenLoop', () => {
  it('sends rate x duration requests at the rate whatever the answers, counting 4xx/5xx as errors', async () => {
    // The server answers nothing until all 50 requests have arrived: only an open loop, which does not wait
    // for answers before it sends, can finish (a closed loop would wait on its first answer for ever).
    const held: ServerResponse[] = [];
    let arrivedBeforeAnyAnswer = 0;
    const server = createServer((req, res) => {
      req.resume().on('end', () => {
        held.push(res);
        if (held.length < 50) return;
        arrivedBeforeAnyAnswer = held.length;
        held.forEach((waiting, i) => {
          waiting.writeHead((i + 1) % 5 === 0 ? 500 : 200);
          waiting.end('{}');
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await runOpenLoop({ url: `http://127.0.0.1:${port}/x`, body: '{}', ratePerSec: 100, durationSec: 0.5 });
      expect(arrivedBeforeAnyAnswer).toBe(50);
      expect(result.sent).toBe(50);
      expect(held.length).toBe(50);
      expect(result.errors).toBe(10);
      expect(result.ok).toBe(40);
      // Never faster than the rate: the 50th request is scheduled 490 ms after the first, so at most ~102/s.
      // (How much slower a loaded machine makes it is no property of the generator.)
      expect(result.achievedRps).toBeLessThan(110);
      // Latencies run from each request's scheduled start, so the first one held the whole 490 ms.
      expect(result.maxMs).toBeGreaterThanOrEqual(490);
      expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
      expect(result.sendLagP99Ms).toBeGreaterThanOrEqual(0);
      expect(result.sendLagP99Ms).toBeLessThanOrEqual(result.maxMs);
    } finally {
      server.close();
    }
  });
});
