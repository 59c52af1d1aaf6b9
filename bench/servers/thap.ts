import { spawn } from 'node:child_process';
import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { startMocks } from '../../mocks/index.ts';
import { isServiceName } from '../../mocks/types.ts';

/**
 * One thap mock service for the bench: `--service NAME [--workers N] [--port P] [--fault JSON]`. With workers > 1 it is served
 * by N node:cluster workers sharing one port (each with its own state and ledger). Callbacks go wherever the
 * request bodies say (the bench starts a separate sink process, so that receiving them is not counted here).
 */
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));

// The V8 flags the mocks process runs with (src/stack/startMocksProcess.ts, docs/mocks-scaling.md "Tail
// latency: where it comes from"); BENCH_MOCKS_NODE_FLAGS overrides them ("" = V8's defaults) for A/B runs.
// V8 reads heap sizes only at start-up, so without them this process re-runs itself with them.
const nodeFlags = (process.env.BENCH_MOCKS_NODE_FLAGS ?? '--max-semi-space-size=4').split(' ').filter(Boolean);
if (cluster.isPrimary && !process.env.BENCH_THAP_FLAGGED && nodeFlags.some((flag) => !process.execArgv.includes(flag))) {
  const child = spawn(process.execPath, [...nodeFlags, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, BENCH_THAP_FLAGGED: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(signal).on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  // The re-run child leaves when its parent does, however the parent ends.
  process.on('disconnect', () => process.exit(0));
  await main();
}

async function main(): Promise<void> {
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
}
