import { attemptNic, type Attempt } from '../shared/attemptNic.ts';
import type { NicSession } from '../shared/nicSession.ts';
import type { NicRequest } from '../shared/steps/journeyStep.ts';

/**
 * The retry-storm client's one way of calling NIC: up to `attempts` tries back to back, no pause, no jitter,
 * no idempotency key; it stops early on success or on an answer that says the request itself is bad.
 */
export async function hammer(args: {
  baseUrl: string;
  nicRequest: NicRequest;
  correlationId: string;
  session: NicSession;
  attempts: number;
  attemptTimeoutMs: number;
}): Promise<{ last: Attempt; attempts: number }> {
  let attempts = 0;
  for (;;) {
    attempts += 1;
    const last = await attemptNic({ baseUrl: args.baseUrl, nicRequest: args.nicRequest, correlationId: args.correlationId, timeoutMs: args.attemptTimeoutMs, session: args.session });
    const done = last.kind === 'ok' || (last.kind === 'error-status' && !last.retryable);
    if (done || attempts >= args.attempts) return { last, attempts };
  }
}
