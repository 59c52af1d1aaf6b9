import { createServer, type IncomingHttpHeaders } from 'node:http';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  at: number;
}

/** Test helper: a loopback HTTP server (port 0, in-process only) that records every request it gets and answers 200. */
export async function startSink(): Promise<{ url: string; received: Received[]; waitFor(count: number, timeoutMs?: number): Promise<Received[]>; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '/', headers: req.headers, body: text ? JSON.parse(text) : undefined, at: Date.now() });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    async waitFor(count, timeoutMs = 3000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
      return received;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
