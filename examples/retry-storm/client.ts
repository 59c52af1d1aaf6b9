import type { ClientConfig } from '../shared/config.ts';
import { healthRoute } from '../shared/healthRoute.ts';
import { journeyRoute } from '../shared/journeyRoute.ts';
import { startJsonServer, type RunningServer } from '../shared/jsonServer.ts';
import { eventLogger, outcomeLogger, type EventLogger, type OutcomeLogger } from '../shared/outcomeLog.ts';
import { NicSessions } from '../shared/nicSession.ts';
import { configuredSteps } from '../shared/steps/index.ts';
import { startFlusher } from './flusher.ts';
import { PendingQueue } from './pendingQueue.ts';
import { retryStormSettings, type RetryStormSettings } from './settings.ts';
import { retryStormStrategy } from './strategy.ts';

/** Starts the retry-storm client; `stop()` ends the flusher and closes the server (the queue is lost). */
export async function startRetryStormClient(args: {
  config: ClientConfig;
  settings?: Partial<RetryStormSettings>;
  log?: OutcomeLogger;
  logEvent?: EventLogger;
}): Promise<RunningServer & { stop: () => Promise<void>; queue: PendingQueue }> {
  const settings = { ...retryStormSettings(args.config), ...args.settings };
  const log = args.log ?? outcomeLogger();
  const logEvent = args.logEvent ?? eventLogger();
  const queue = new PendingQueue();
  const strategy = retryStormStrategy({ settings, queue });
  const sessions = new NicSessions();
  const server = await startJsonServer({
    port: args.config.port,
    routes: [
      healthRoute(() => ({ pending: queue.size })),
      ...configuredSteps(args.config).map((step) => journeyRoute({ step, config: args.config, strategy, log, sessions, ...(step.callback ? { callbackPolicy: settings.callbackPolicies[step.callback.kind] } : {}) })),
    ],
  });
  const flusher = startFlusher({ queue, settings, logEvent });
  return {
    ...server,
    queue,
    stop: async () => {
      await flusher.stop();
      await server.close();
    },
  };
}
