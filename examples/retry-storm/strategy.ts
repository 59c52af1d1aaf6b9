import { attemptNic, attemptReason, type Attempt } from '../shared/attemptNic.ts';
import type { StepStrategy } from '../shared/journeyRoute.ts';
import { failedReply, queuedReply } from '../shared/replies.ts';
import { replyFromNic } from '../shared/replyFromNic.ts';
import type { PendingQueue } from './pendingQueue.ts';
import type { RetryStormSettings } from './settings.ts';

/**
 * The retry-storm strategy: on any failure it tries again at once (no backoff, no jitter) and never sends an
 * idempotency key, so a write whose answer was merely slow is stored twice. When every attempt fails it keeps
 * the write in memory, answers `queued`, and the flusher resends it (see flusher.ts).
 */
export function retryStormStrategy(args: { settings: RetryStormSettings; queue: PendingQueue }): StepStrategy {
  const { settings, queue } = args;
  return async ({ step, correlationId, baseUrl, nicRequest, session }) => {
    let last: Attempt | undefined;
    let attempts = 0;
    while (attempts < settings.attempts) {
      attempts += 1;
      last = await attemptNic({ baseUrl, nicRequest, correlationId, timeoutMs: settings.attemptTimeoutMs, session });
      if (last.kind === 'ok') return { ...replyFromNic({ step, correlationId, response: last.response }), attempts };
      if (last.kind === 'error-status' && !last.retryable) break;
    }
    const reason = last ? attemptReason(last, step.service) : 'no attempt made';
    if (!step.queueable || (last?.kind === 'error-status' && !last.retryable) || queue.size >= settings.queueLimit) {
      return { ...failedReply({ correlationId, reason, httpStatus: last?.kind === 'error-status' ? 502 : 503 }), attempts };
    }
    const pending = queue.add({ step, correlationId, baseUrl, nicRequest, session });
    return { ...queuedReply({ correlationId, provisionalId: pending.provisionalId }), attempts };
  };
}
