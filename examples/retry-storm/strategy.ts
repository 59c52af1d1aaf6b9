import { attemptReason } from '../shared/attemptNic.ts';
import type { StepStrategy } from '../shared/journeyRoute.ts';
import { failedReply, queuedReply } from '../shared/replies.ts';
import { replyFromNic } from '../shared/replyFromNic.ts';
import { hammer } from './hammer.ts';
import type { PendingQueue } from './pendingQueue.ts';
import type { RetryStormSettings } from './settings.ts';

/**
 * The retry-storm strategy: on any failure it tries again at once (no backoff, no jitter) and never sends an
 * idempotency key, so a write whose answer was merely slow is stored twice. When every attempt fails it keeps
 * the write in memory, answers `queued`, and the flusher hammers NIC with it again (see flusher.ts).
 */
export function retryStormStrategy(args: { settings: RetryStormSettings; queue: PendingQueue }): StepStrategy {
  const { settings, queue } = args;
  return async ({ step, correlationId, baseUrl, nicRequest, session }) => {
    const { last, attempts } = await hammer({ baseUrl, nicRequest, correlationId, session, attempts: settings.attempts, attemptTimeoutMs: settings.attemptTimeoutMs });
    if (last.kind === 'ok') return { ...replyFromNic({ step, correlationId, response: last.response }), attempts };
    const reason = attemptReason(last, step.service);
    const badRequest = last.kind === 'error-status' && !last.retryable;
    if (!step.queueable || badRequest || queue.size >= settings.queueLimit) {
      return { ...failedReply({ correlationId, reason, httpStatus: last.kind === 'error-status' ? 502 : 503 }), attempts };
    }
    const pending = queue.add({ step, correlationId, baseUrl, nicRequest, session });
    return { ...queuedReply({ correlationId, provisionalId: pending.provisionalId }), attempts };
  };
}
