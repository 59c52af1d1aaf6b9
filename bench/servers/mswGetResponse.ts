import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { getResponse } from 'msw';
import { createNicHandlers } from '../../mocks/handlers.ts';
import { isServiceName } from '../../src/contract/index.ts';
import { listenAndAnnounce } from './announce.ts';
import { writeFetchResponse } from './writeFetchResponse.ts';

/**
 * One service's handlers from `thap/mocks` (createNicHandlers) behind a plain node:http adapter around msw's
 * `getResponse(handlers, request)` (TOOLS.md): what serving the handlers through MSW's own matching costs,
 * beside `thap.ts`, whose adapter matches the route itself and calls the resolver. `--service NAME`.
 */
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
const { values } = parseArgs({ options: { service: { type: 'string', default: 'ehospital' } } });
const service = values.service as string;
if (!isServiceName(service)) throw new Error(`unknown service ${service}`);
const { handlers } = createNicHandlers({ services: [service] });

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0;
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, ...(hasBody ? { body: Buffer.concat(chunks) } : {}) });
    await writeFetchResponse(res, (await getResponse(handlers, request)) ?? Response.json({ error: { code: 'no_route' } }, { status: 404 }));
  });
});
listenAndAnnounce(server);
