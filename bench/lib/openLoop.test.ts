import { describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import { runOpenLoop } from './openLoop.ts';

describe('runOpenLoop', () => {
  it('sends rate x duration requests at the rate whatever the answers, counting 4xx/5xx as errors', async () => {
    let seen = 0;
    const server = createServer((req, res) => {
      req.resume().on('end', () => {
        seen++;
        res.writeHead(seen % 5 === 0 ? 500 : 200);
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await runOpenLoop({ url: `http://127.0.0.1:${port}/x`, body: '{}', ratePerSec: 100, durationSec: 0.5 });
      expect(result.sent).toBe(50);
      expect(seen).toBe(50);
      expect(result.errors).toBe(10);
      expect(result.ok).toBe(40);
      expect(result.achievedRps).toBeGreaterThan(30);
      expect(result.achievedRps).toBeLessThan(110);
      expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
      expect(result.sendLagP99Ms).toBeGreaterThanOrEqual(0);
      expect(result.sendLagP99Ms).toBeLessThan(result.maxMs + 1_000);
    } finally {
      server.close();
    }
  });
});
