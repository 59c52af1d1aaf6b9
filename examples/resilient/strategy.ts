import type { NicServiceName } from '../shared/config.ts';
import type { StepStrategy } from '../shared/journeyRoute.ts';
import { failedReply } from '../shared/replies.ts';
import { doneReply } from '../shared/replies.ts';
import type { RateMeter } from './rateMeter.ts';
import type { ServiceGuard } from './nicPolicies.ts';
import type { Outbox } from './outbox.ts';
import { replyForEntry } from './replyForEntry.ts';
import { resolveRefs } from './resolveRefs.ts';

/** Meters the drain reads: writes k6 offers (the normal rate) and writes the live path sends to NIC. */
export interface WriteMeters {
  incoming: RateMeter;
  liveUpstream: RateMeter;
}

/**
 * The resilient live path. A write goes to NIC under timeout, retries with backoff and jitter, and the
 * service's circuit breaker, always with `Idempotency-Key` = correlation id. When NIC cannot take it (circuit
 * open, Retry-After pending, attempts failed, or it depends on a write still queued), the write is put in the
 * durable outbox first and then answered `queued` with provisional ids (degraded mode). Reads fail fast.
 */
export function resilientStrategy(args: { outbox: Outbox; guards: Record<NicServiceName, ServiceGuard>; meters: WriteMeters }): StepStrategy {
  const { outbox, guards, meters } = args;
  return async ({ step, correlationId, baseUrl, request }) => {
    const known = outbox.get(correlationId);
    if (known && step.queueable) return { ...replyForEntry(known), attempts: 0 };
    if (step.queueable) meters.incoming.record();
    const guard = guards[step.service];
    const resolved = resolveRefs({ step, body: request.body, params: request.params, outbox });
    if (resolved.kind === 'dead') return { ...failedReply({ correlationId, reason: resolved.reason, httpStatus: 502 }), attempts: 0 };

    const accept = async (why: string) => {
      const entry = await outbox.accept({ correlationId, step: step.step, body: request.body, params: request.params, provides: step.provides });
      return { ...replyForEntry(entry), reason: why };
    };

    if (!step.queueable) {
      if (resolved.kind === 'waiting') return { ...failedReply({ correlationId, reason: `waiting for ${resolved.on}, still queued at the client`, httpStatus: 503 }), attempts: 0 };
      if (guard.isOpen || guard.isPaused) return { ...failedReply({ correlationId, reason: `NIC ${step.service} unavailable (circuit open)`, httpStatus: 503 }), attempts: 0 };
    } else if (resolved.kind === 'waiting') {
      return { ...(await accept(`depends on ${resolved.on}`)), attempts: 0 };
    } else if (guard.isOpen || guard.isPaused) {
      return { ...(await accept(`NIC ${step.service} unavailable, degraded mode`)), attempts: 0 };
    }
    if (resolved.kind !== 'ready') throw new Error('unreachable: unresolved request');
    const nicRequest = step.toNic({ body: resolved.body, params: resolved.params });
    if (typeof nicRequest === 'string') return { ...failedReply({ correlationId, reason: nicRequest, httpStatus: 400 }), attempts: 0 };

    const result = await guard.call({
      mode: 'live',
      baseUrl,
      nicRequest,
      correlationId,
      ...(nicRequest.write ? { idempotencyKey: correlationId } : {}),
      onAttempt: () => nicRequest.write && meters.liveUpstream.record(),
    });
    if (result.kind === 'ok') {
      const nic = step.fromNic(result.response.body);
      if (typeof nic === 'string') return { ...failedReply({ correlationId, reason: nic, httpStatus: 502 }), attempts: result.attempts };
      if (step.queueable) outbox.noteDone({ correlationId, step: step.step, nic, attempts: result.attempts });
      return { ...doneReply({ correlationId, nic }), attempts: result.attempts };
    }
    if (result.kind === 'rejected') {
      return { ...failedReply({ correlationId, reason: `NIC ${step.service} rejected the request (${result.response.status})`, httpStatus: 502 }), attempts: result.attempts };
    }
    const reason = result.kind === 'open' ? `NIC ${step.service} circuit open` : result.reason;
    if (!step.queueable) return { ...failedReply({ correlationId, reason, httpStatus: 503 }), attempts: result.attempts };
    return { ...(await accept(reason)), attempts: result.attempts };
  };
}
