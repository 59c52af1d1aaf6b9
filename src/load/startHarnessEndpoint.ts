import { createServer, type IncomingMessage } from 'node:http';
import { type CleanupStack, findFreePort } from '../stack/index.ts';

/**
 * thap's own loopback endpoint for the k6 script:
 * - `GET /t0`: called from k6's `setup()` right before its scenarios start; that wall time is the run's t0.
 * - `GET|PUT /slips/<entity>`, `POST /slips/lookup`: the patients' and samples' slips. A later visit (the
 *   collection counter, the consignment desk) reads the ids an earlier visit was given, from whichever VU
 *   served it, as staff read them off the paper slip. PUT merges fields.
 */
export async function startHarnessEndpoint({ cleanup, host = '127.0.0.1', port: fixedPort }: {
  cleanup: CleanupStack;
  /** Where to listen: loopback at a free port by default; the conductor listens where the runners reach it. */
  host?: string;
  port?: number;
}): Promise<{ url: string; t0: Promise<number>; slipCount(): number; ended: Promise<string | undefined> }> {
  let fire: (at: number) => void = () => undefined;
  const t0 = new Promise<number>((resolve) => (fire = resolve));
  const slips = new Map<string, Record<string, unknown>>();
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const reply = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      response.end(text);
    };
    if (url === '/t0') {
      fire(Date.now());
      reply(200, { ok: true });
      return;
    }
    if (url.startsWith('/slips/')) {
      void readJson(request).then((body) => {
        if (request.method === 'POST' && url === '/slips/lookup') {
          const entities = Array.isArray((body as { entities?: unknown })?.entities) ? ((body as { entities: string[] }).entities) : [];
          reply(200, Object.fromEntries(entities.flatMap((entity) => (slips.has(entity) ? [[entity, slips.get(entity)]] : []))));
          return;
        }
        const entity = decodeURIComponent(url.slice('/slips/'.length));
        if (request.method === 'PUT' && body && typeof body === 'object') {
          slips.set(entity, { ...slips.get(entity), ...(body as Record<string, unknown>) });
          reply(200, { ok: true });
        } else reply(200, slips.get(entity) ?? {});
      }, () => reply(400, { error: 'body is not JSON' }));
      return;
    }
    reply(404, { error: `no route ${request.method} ${url}` });
  });
  server.keepAliveTimeout = 60_000;
  const port = fixedPort ?? (await findFreePort());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  let stopping = false;
  // Resolves when the server stops serving: with why when it was not thap's teardown that closed it.
  const ended = new Promise<string | undefined>((resolve) => {
    server.once('close', () => resolve(stopping ? undefined : 'the server closed'));
    server.on('error', (error) => resolve(`failed: ${error.message}`));
  });
  cleanup.defer('stop the harness endpoint', () => new Promise<void>((resolve) => {
    stopping = true;
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  return { url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`, t0, slipCount: () => slips.size, ended };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}
