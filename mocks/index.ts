import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { UserError } from '../src/core/index.ts';
import { CallbackSender } from './callbacks/callbackSender.ts';
import { createServiceTimes } from './clock/serviceTimes.ts';
import { RetryAfterTracker } from './capacity/retryAfterTracker.ts';
import { FaultStore } from './faults/faultStore.ts';
import { createStages, type SharedParts } from './pipeline/createStages.ts';
import { SessionStore } from './sessions/sessionStore.ts';
import type { MocksConfig } from './config.ts';
import { RouteTable } from './http/routeTable.ts';
import { serveService } from './http/serveService.ts';
import { Ledger } from './ledger/ledger.ts';
import { createNdjsonAppender } from './ledger/ndjsonAppender.ts';
import { parseMocksConfig, serviceRoutes } from './serviceRoutes.ts';
import { createRng, deriveSeed } from './shared/rng.ts';
import { randomListenPort } from './shared/listenPort.ts';
import { serviceNames, type ServiceName } from '../src/contract/index.ts';

export { serviceNames, type ServiceName } from '../src/contract/index.ts';
export type { MocksConfig } from './config.ts';
export type { LedgerEntry } from './ledger/ledger.ts';
export type { UpstreamRecord } from './http/upstreamLog.ts';

export interface StartMocksOptions {
  services?: ServiceName[];
  seed?: number;
  /** With a run directory, the ledger goes to `<runDir>/ledger.ndjson` and every request to `<runDir>/upstream.ndjson`. */
  runDir?: string;
  host?: string;
  ports?: Partial<Record<ServiceName, number>>;
  config?: MocksConfig;
  /** Start the callback worker before serving rather than at the first callback (benchmarks). */
  warmCallbacks?: boolean;
}

export interface RunningMocks {
  urls: Record<ServiceName, string>;
  /** Stops the servers and flushes the ledger and upstream log. */
  close(): Promise<void>;
}

/** Starts the NIC mock services, each on its own port on loopback (docs/nic-mocks.md). */
export async function startMocks(options: StartMocksOptions = {}): Promise<RunningMocks> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    throw new UserError(`mocks: host must be loopback (got ${JSON.stringify(host)}); fix: use 127.0.0.1`);
  }
  const config = parseMocksConfig(options.config);
  const seed = options.seed ?? 1;
  const services = options.services ?? [...serviceNames];
  if (options.runDir) await mkdir(options.runDir, { recursive: true });
  const ledger = new Ledger(createNdjsonAppender({ path: options.runDir && join(options.runDir, 'ledger.ndjson') }));
  const upstream = createNdjsonAppender({ path: options.runDir && join(options.runDir, 'upstream.ndjson') });
  const sessions = new SessionStore();
  const faults = new FaultStore(seed, (service, before) => sessions.expireAll(service, before));
  const callbacks = new CallbackSender(faults);
  if (options.warmCallbacks) await callbacks.warm();
  const times = createServiceTimes(config.clock);
  const shared: SharedParts = { ledger, upstream, faults, sessions, retryAfter: new RetryAfterTracker(), callbacks, times };
  const servers: Server[] = [];
  const urls = {} as Record<ServiceName, string>;
  const portRng = createRng(deriveSeed(Date.now(), 'ports'));

  try {
    for (const service of services) {
      const built = serviceRoutes({ service, config, seed, times, ledger, sessions, callbacks });
      const { runtime } = built;
      const routes = new RouteTable(built.routes);
      const stages = createStages({ service, config: runtime.config, routes, shared });
      const fixedPort = options.ports?.[service];
      for (let attempt = 0; ; attempt++) {
        try {
          const port = fixedPort ?? randomListenPort(portRng);
          const started = await serveService({ service, routes, stages, idempotency: () => runtime.config.idempotency, host, port });
          servers.push(started.server);
          urls[service] = started.url;
          break;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (fixedPort === undefined && code === 'EADDRINUSE' && attempt < 50) continue;
          throw new UserError(`mocks: cannot listen for ${service} on ${host}:${fixedPort ?? 'a random port'} (${code ?? String(error)}); fix: choose another port`, { cause: error });
        }
      }
    }
  } catch (error) {
    await closeAll(servers);
    await Promise.allSettled([callbacks.close(), ledger.close(), upstream.close()]);
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    urls,
    close() {
      closing ??= (async () => {
        await callbacks.close();
        await closeAll(servers);
        await Promise.all([ledger.close(), upstream.close()]);
      })();
      return closing;
    },
  };
}

async function closeAll(servers: Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  );
}
