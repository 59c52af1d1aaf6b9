import { UserError } from '../src/core/index.ts';
import type { CallbackSender } from './callbacks/callbackSender.ts';
import type { ServiceTimes } from './clock/serviceTimes.ts';
import { mocksConfigSchema, serviceConfig, type MocksConfig, type ResolvedMocksConfig } from './config.ts';
import type { MockRoute } from './http/route.ts';
import type { Ledger } from './ledger/ledger.ts';
import { createServiceRuntime, type ServiceRuntime } from './runtime.ts';
import { serviceFactories } from './services.ts';
import type { SessionStore } from './sessions/sessionStore.ts';
import { createRng, deriveSeed } from './shared/rng.ts';
import type { ServiceName } from '../src/contract/index.ts';

/** The mocks' config with defaults, or a UserError listing every problem. */
export function parseMocksConfig(config: MocksConfig | undefined): ResolvedMocksConfig {
  const parsed = mocksConfigSchema.safeParse(config ?? {});
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new UserError(`mocks: invalid config\n${lines.join('\n')}`);
}

/**
 * One service's routes over a runtime of its own (its config, randomness seeded from `seed` and the service
 * name, the shared clock, ledger, sessions and callbacks): what `startMocks` serves and `createNicHandlers` hands out.
 */
export function serviceRoutes(args: {
  service: ServiceName;
  config: ResolvedMocksConfig;
  seed: number;
  times: ServiceTimes;
  ledger: Ledger;
  sessions: SessionStore;
  callbacks: CallbackSender;
}): { runtime: ServiceRuntime; routes: MockRoute[] } {
  const { service, seed, times, ledger, sessions, callbacks } = args;
  const runtime = createServiceRuntime({ service, config: serviceConfig(args.config, service), rng: createRng(deriveSeed(seed, service)), times, ledger, sessions, callbacks });
  return { runtime, routes: serviceFactories[service](runtime) };
}
