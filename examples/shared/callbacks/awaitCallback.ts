import { attemptNic } from '../attemptNic.ts';
import type { RouteReply } from '../jsonServer.ts';
import type { NicSession } from '../nicSession.ts';
import { doneReply, failedReply } from '../replies.ts';
import type { JourneyStep } from '../steps/journeyStep.ts';
import type { CallbackInbox } from './callbackInbox.ts';
import type { CallbackPolicy } from './callbackPolicy.ts';

type Reply = RouteReply & { attempts?: number; reason?: string };

/**
 * Finishes a step NIC completes in a callback. `send` makes the NIC write (the client's strategy) and answers
 * its contract reply; a `done` reply carries NIC's first answer (requestId, qrId). This waits for the callback
 * under `policy`, then answers `done` with the first answer's ids and the callback's, or `failed` (503) with
 * the step's degraded-mode words when nothing came.
 */
export async function awaitCallback(args: {
  step: JourneyStep & { callback: NonNullable<JourneyStep['callback']> };
  correlationId: string;
  baseUrl: string;
  session: NicSession;
  inbox: CallbackInbox;
  policy: CallbackPolicy;
  send: () => Promise<Reply>;
}): Promise<Reply> {
  const { step, correlationId, policy } = args;
  const { callback } = step;
  let attempts = 0;
  for (let round = 0; round <= policy.resends; round++) {
    const reply = await args.send();
    attempts += reply.attempts ?? 0;
    const body = reply.body as { status?: string; nic?: Record<string, unknown> };
    if (reply.status !== 200 || body.status !== 'done' || !body.nic) return { ...reply, attempts };
    const first = body.nic;
    const key = callback.keyOf(first);
    const arrived = await args.inbox.waitFor({ kind: callback.kind, key, ...(policy.waitMs !== undefined ? { timeoutMs: policy.waitMs } : {}) });
    if (arrived !== undefined) {
      const ids = callback.fromCallback(arrived);
      if (typeof ids === 'string') return { ...failedReply({ correlationId, reason: ids, httpStatus: 502 }), attempts };
      return { ...doneReply({ correlationId, nic: { ...first, ...ids } }), attempts };
    }
    args.inbox.forget({ kind: callback.kind, key });
    if (policy.pollTimeoutMs !== undefined) {
      attempts += 1;
      const polled = await attemptNic({ baseUrl: args.baseUrl, nicRequest: callback.poll(first), correlationId, timeoutMs: policy.pollTimeoutMs, session: args.session });
      const ids = polled.kind === 'ok' ? callback.fromPoll(polled.response.body) : undefined;
      if (ids) return { ...doneReply({ correlationId, nic: { ...first, ...ids } }), attempts, reason: `NIC ${step.service} callback late; read from its status route` };
    }
  }
  const degraded = step.whenUnavailable ? `; ${step.whenUnavailable}` : '';
  return { ...failedReply({ correlationId, reason: `no callback from NIC ${step.service}${degraded}`, httpStatus: 503 }), attempts };
}
