import cluster from 'node:cluster';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { startMocks } from '../../mocks/index.ts';
import { isServiceName } from '../../mocks/types.ts';

/**
 * One thap mock service for the bench: `--service NAME [--workers N] [--port P]`. With workers > 1 it is served
 * by N node:cluster workers sharing one port (each with its own state and ledger). Also starts a loopback
 * sink that answers 200 to the service's callbacks (ABDM on-share, payment webhook); its URL is in the line.
 */
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
const { values } = parseArgs({ options: { service: { type: 'string' }, workers: { type: 'string', default: '1' }, port: { type: 'string' } } });
const service = values.service ?? 'ehospital';
if (!isServiceName(service)) throw new Error(`unknown service ${service}`);
const workers = Number(values.workers);
const port = Number(values.port ?? 20000 + Math.floor(Math.random() * 12000));

async function serveOne(): Promise<string> {
  const mocks = await startMocks({ services: [service as never], ports: { [service]: port } });
  return mocks.urls[service as keyof typeof mocks.urls];
}

if (workers > 1 && cluster.isPrimary) {
  let ready = 0;
  const sink = createServer((req, res) => req.resume().on('end', () => res.end('{}')));
  sink.listen(port + 1, '127.0.0.1', () => {
    for (let i = 0; i < workers; i++) cluster.fork().on('message', () => {
      if (++ready === workers) process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}`, sink: `http://127.0.0.1:${port + 1}` })}\n`);
    });
  });
} else if (workers > 1) {
  await serveOne();
  process.send?.('ready');
} else {
  const sink = createServer((req, res) => req.resume().on('end', () => res.end('{}')));
  sink.listen(port + 1, '127.0.0.1', async () => {
    const url = await serveOne();
    process.stdout.write(`${JSON.stringify({ url, sink: `http://127.0.0.1:${port + 1}` })}\n`);
  });
}
