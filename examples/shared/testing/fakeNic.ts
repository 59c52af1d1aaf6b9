import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake NIC received. */
export interface FakeNicRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** What the fake answers: a status and body, or `hang` (never answers) / `reset` (destroys the socket). */
export type FakeNicAnswer = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang' | 'reset';

/**
 * A tiny fake NIC server for unit tests of the reference clients: records every request and answers with
 * whatever `answer` returns for it. Listens on 127.0.0.1 port 0.
 */
export async function startFakeNic(args: { answer: (request: FakeNicRequest) => FakeNicAnswer | Promise<FakeNicAnswer> }) {
  const requests: FakeNicRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: FakeNicRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: text ? JSON.parse(text) : undefined };
      requests.push(request);
      void Promise.resolve(args.answer(request)).then((answer) => {
        if (answer === 'hang') return;
        if (answer === 'reset') return req.socket.destroy();
        const payload = answer.body === undefined ? '' : JSON.stringify(answer.body);
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(payload);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
