import type { ClientConfig } from '../shared/config.ts';
import type { ServiceName } from '../../src/contract/services.ts';
import { healthRoute } from '../shared/healthRoute.ts';
import { journeyRoute } from '../shared/journeyRoute.ts';
import { route, startJsonServer, type RunningServer } from '../shared/jsonServer.ts';
import { eventLogger, outcomeLogger, type EventLogger, type OutcomeLogger } from '../shared/outcomeLog.ts';
import { NicSessions } from '../shared/nicSession.ts';
import { configuredSteps } from '../shared/steps/index.ts';
import { startDrainer } from './drainer.ts';
import { ServiceGuard } from './nicPolicies.ts';
import { Outbox } from './outbox.ts';
import { RateMeter } from './rateMeter.ts';
import { resilientSettings, type ResilientSettings } from './settings.ts';
import { resilientStrategy } from './strategy.ts';
import { TokenCache } from './tokenCache.ts';

export interface RunningResilientClient extends RunningServer {
  outbox: Outbox;
  guards: Record<ServiceName, ServiceGuard>;
  drainRate: () => number;
  /** Stops the drain, closes the server and the outbox file (queued work stays on disk). */
  stop: () => Promise<void>;
}

/** Starts the resilient client; queued work from an earlier run with the same outbox file is drained. */
export async function startResilientClient(args: {
  config: ClientConfig;
  outboxFile: string;
  settings?: Partial<ResilientSettings>;
  log?: OutcomeLogger;
  logEvent?: EventLogger;
}): Promise<RunningResilientClient> {
  const settings = { ...resilientSettings({ config: args.config, outboxFile: args.outboxFile }), ...args.settings };
  const log = args.log ?? outcomeLogger();
  const logEvent = args.logEvent ?? eventLogger();
  const outbox = await Outbox.open({ file: settings.outboxFile });
  if (outbox.pendingCount > 0) logEvent({ event: 'recovered', pending: outbox.pendingCount, file: outbox.file });
  const steps = configuredSteps(args.config);
  const guards = Object.fromEntries(
    [...new Set(steps.map((step) => step.service))].map((service) => [
      service,
      // A service none of whose steps can be queued has no drain to probe its open circuit: its live calls do.
      new ServiceGuard(service, settings, logEvent, { liveProbes: !steps.some((step) => step.service === service && step.queueable) }),
    ]),
  ) as Record<ServiceName, ServiceGuard>;
  const meters = { incoming: new RateMeter(settings.rateWindowMs), sentLive: new RateMeter(settings.rateWindowMs) };
  const tokens = new TokenCache();
  const sessions = new NicSessions();
  const strategy = resilientStrategy({ outbox, guards, meters, tokens });
  const server = await startJsonServer({
    port: args.config.port,
    routes: [
      healthRoute(() => ({ pending: outbox.pendingCount })),
      route('GET /thap/outbox', () => ({ status: 200, body: outbox.status('resilient') })),
      ...steps.map((step) => journeyRoute({ step, config: args.config, strategy, log, sessions, ...(step.callback ? { callbackPolicy: settings.callbackPolicies[step.callback.kind] } : {}) })),
    ],
  });
  const drainer = startDrainer({ outbox, guards, steps: new Map(steps.map((step) => [step.step, step])), config: args.config, settings, meters, tokens, sessions, logEvent });
  return {
    ...server,
    outbox,
    guards,
    drainRate: drainer.drainRate,
    stop: async () => {
      await drainer.stop();
      await Promise.all(Object.values(guards).map((guard) => guard.settled()));
      await server.close();
      await outbox.close();
    },
  };
}
