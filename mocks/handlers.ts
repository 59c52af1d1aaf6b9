import type { HttpHandler } from 'msw';
import { CallbackSender } from './callbacks/callbackSender.ts';
import { createServiceTimes } from './clock/serviceTimes.ts';
import type { MocksConfig } from './config.ts';
import { FaultStore } from './faults/faultStore.ts';
import { Ledger, type LedgerEntry } from './ledger/ledger.ts';
import { createNdjsonAppender } from './ledger/ndjsonAppender.ts';
import { parseMocksConfig, serviceRoutes } from './serviceRoutes.ts';
import { SessionStore } from './sessions/sessionStore.ts';
import { serviceNames, type ServiceName } from '../src/contract/index.ts';

export type { LedgerEntry };

export interface NicHandlersOptions {
  /** The services whose handlers to give (default all five). */
  services?: ServiceName[];
  /** Seeds the ids and the randomness the services draw (default 1). */
  seed?: number;
  /** Per-service settings, as `thap mocks serve --config` takes them (docs/nic-mocks.md). */
  config?: MocksConfig;
}

export interface NicHandlers {
  /** MSW request handlers, one per route; each matches its path (e.g. `/ehospital/v1/registrations`) on any origin. */
  handlers: HttpHandler[];
  /** Every write the handlers accepted, in order (docs/nic-mocks.md "Ledger format"). */
  ledger(): LedgerEntry[];
  /** Cancels callbacks not yet sent (ABDM, payment) and ends their worker thread. */
  close(): Promise<void>;
}

/**
 * The NIC mock services as MSW handlers, for a test suite that serves them itself: `setupServer(...handlers)`
 * from `msw/node` answers the fetch calls of the code under test in-process (docs/nic-mocks.md "In your own
 * tests"). Public as `thap/mocks`. The handlers answer as `thap mocks serve` does, without what its HTTP
 * adapter adds around them: capacity limits, faults, idempotent replays and session expiry.
 */
export function createNicHandlers(options: NicHandlersOptions = {}): NicHandlers {
  const config = parseMocksConfig(options.config);
  const seed = options.seed ?? 1;
  const ledger = new Ledger(createNdjsonAppender({}));
  const sessions = new SessionStore();
  const callbacks = new CallbackSender(new FaultStore(seed, (service, before) => sessions.expireAll(service, before)));
  const services = options.services ?? [...serviceNames];
  const times = createServiceTimes(config.clock);
  const handlers = services.flatMap((service) => serviceRoutes({ service, config, seed, times, ledger, sessions, callbacks }).routes.map((route) => route.handler));
  return { handlers, ledger: () => ledger.entries, close: () => callbacks.close() };
}
