import type { ClientConfig } from '../shared/config.ts';
import type { StepStrategy } from '../shared/journeyRoute.ts';
import type { RunningServer } from '../shared/jsonServer.ts';
import { attemptNic } from '../shared/attemptNic.ts';
import type { OutcomeLogger } from '../shared/outcomeLog.ts';
import { failedReply } from '../shared/replies.ts';
import { replyFromNic } from '../shared/replyFromNic.ts';
import { startStrategyClient } from '../shared/startStrategyClient.ts';
import { requireVerifiedMobile } from './verifiedMobileRule.ts';

/**
 * The naive strategy: one synchronous NIC call, no timeout, no retry, no queue. It forwards the
 * correlation id (NIC's ledger records it as clientRef) and nothing else.
 */
export const naiveStrategy: StepStrategy = async ({ step, correlationId, baseUrl, nicRequest, session }) => {
  const attempt = await attemptNic({ baseUrl, nicRequest, correlationId, session });
  if (attempt.kind === 'unreachable') return { ...failedReply({ correlationId, reason: attempt.error.message, httpStatus: 503 }), attempts: 1 };
  return { ...replyFromNic({ step, correlationId, response: attempt.response }), attempts: 1 };
};

/** Starts the naive client on 127.0.0.1:config.port; a new patient sent an OTP registers only once verified. */
export function startNaiveClient(args: { config: ClientConfig; log?: OutcomeLogger }): Promise<RunningServer> {
  return startStrategyClient({ config: args.config, strategy: requireVerifiedMobile(naiveStrategy), ...(args.log ? { log: args.log } : {}) });
}
