import type { ClientConfig } from './config.ts';
import { healthRoute } from './healthRoute.ts';
import { journeyRoute, type StepStrategy } from './journeyRoute.ts';
import { startJsonServer, type RunningServer } from './jsonServer.ts';
import { NicSessions } from './nicSession.ts';
import { outcomeLogger, type OutcomeLogger } from './outcomeLog.ts';
import { configuredSteps } from './steps/index.ts';

/**
 * A client that is nothing but a strategy: `GET /health` and one journey route per configured step, each
 * making its NIC call through `strategy`, one outcome line per answer. The naive client and the bad
 * clients are built this way.
 */
export function startStrategyClient(args: { config: ClientConfig; strategy: StepStrategy; log?: OutcomeLogger }): Promise<RunningServer> {
  const log = args.log ?? outcomeLogger();
  const sessions = new NicSessions();
  return startJsonServer({
    port: args.config.port,
    routes: [healthRoute(), ...configuredSteps(args.config).map((step) => journeyRoute({ step, config: args.config, strategy: args.strategy, log, sessions }))],
  });
}
