import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { startMocks } from '../../mocks/index.ts';
import { isServiceName } from '../../src/contract/services.ts';

/**
 * One thap mock service for the bench: `--service NAME [--workers N] [--port P] [--fault JSON]`. With workers > 1 it is served
 * by N node:cluster workers sharing one port (each with its own state and ledger). Callbacks go wherever the
 * request bodies say (the bench starts a separate sink process, so that receiving them is not counted here).
 */
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
const { values } = parseArgs({ options: { service: { type: 'string' }, workers: { type: 'string', default: '1' }, port: { type: 'string' }, fault: { type: 'string' } } });
const service = values.service ?? 'ehospital';
if (!isServiceName(service)) throw new Error(`unknown service ${service}`);
const workers = Number(values.workers);
// Workers re-run this module: they take the primary's port from the environment.
const port = Number(values.port ?? process.env.BENCH_THAP_PORT ?? 20000 + Math.floor(Math.random() * 12000));
process.env.BENCH_THAP_PORT = String(port);

async function serveOne(): Promise<string> {
  const mocks = await startMocks({ services: [service as never], ports: { [service]: port }, warmCallbacks: true });
  const url = mocks.urls[service as keyof typeof mocks.urls];
  // --fault JSON: set through the admin API before the load starts (e.g. callbacks dropped, to price the route alone).
  if (values.fault) {
    const response = await fetch(`${url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: values.fault });
    if (!response.ok) throw new Error(`bench thap server: --fault ${values.fault} refused: ${response.status} ${await response.text()}`);
  }
  return url;
}

if (workers > 1 && cluster.isPrimary) {
  let ready = 0;
  for (let i = 0; i < workers; i++) {
    cluster.fork().on('message', () => {
      if (++ready === workers) process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
    });
  }
} else if (workers > 1) {
  await serveOne();
  process.send?.('ready');
} else {
  process.stdout.write(`${JSON.stringify({ url: await serveOne() })}\n`);
}
