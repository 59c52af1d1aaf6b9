import type { ServiceName } from '../../src/contract/services.ts';
import type { StepStrategy } from '../shared/journeyRoute.ts';
import { doneReply, failedReply, queuedReply } from '../shared/replies.ts';
import { field } from '../shared/steps/journeyStep.ts';
import type { RateMeter } from './rateMeter.ts';
import type { ServiceGuard } from './nicPolicies.ts';
import type { Outbox } from './outbox.ts';
import { replyForEntry } from './replyForEntry.ts';
import { resolveRefs } from './resolveRefs.ts';
import type { TokenCache } from './tokenCache.ts';

/** The meters the drain reads: writes k6 offers (the client's normal write rate) and those the live path sent. */
export interface WriteMeters {
  /** Every write offered at the counters. */
  incoming: RateMeter;
  /** Every attempt the live path made to send a write to NIC itself (not through the outbox). */
  sentLive: RateMeter;
}

/**
 * The resilient live path. A write goes to NIC under timeout, retries with backoff and jitter, and the
 * service's circuit breaker, always with `Idempotency-Key` = correlation id. When NIC cannot take it (circuit
 * open, Retry-After pending, attempts failed, or it depends on a write still queued), the write is put in the
 * durable outbox first and then answered `queued` with provisional ids (degraded mode), as is a write NIC
 * answered but, read back while its writes were in trouble, did not store. Reads fail fast.
 */
export function resilientStrategy(args: { outbox: Outbox; guards: Record<ServiceName, ServiceGuard>; meters: WriteMeters; tokens: TokenCache }): StepStrategy {
  const { outbox, guards, meters, tokens } = args;
  return async ({ step, correlationId, baseUrl, request, session }) => {
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

    /** A read NIC cannot answer now: a token NIC issued earlier, a provisional one, or a fast failure. */
    const readFallback = (reason: string) => {
      const provisional = pickProvisional({ outbox, body: request.body, step });
      if (provisional) return { ...queuedReply({ correlationId, provisionalId: Object.values(provisional)[0] ?? correlationId, provisional }), reason, attempts: 0 };
      const cached = step.step === 'token' ? tokens.tokenFor(field(resolved.kind === 'ready' ? resolved.body : request.body, 'visitId')) : undefined;
      if (cached) return { ...doneReply({ correlationId, nic: cached }), reason: `${reason}; token from the registration answer`, attempts: 0 };
      // Degraded mode of a step that cannot wait (an OTP, a Scan and Share, a payment): say what the counter does.
      return { ...failedReply({ correlationId, reason: step.whenUnavailable ? `${reason}; ${step.whenUnavailable}` : reason, httpStatus: 503 }), attempts: 0 };
    };

    if (!step.queueable) {
      if (resolved.kind === 'waiting') return readFallback(`waiting for ${resolved.on}, still queued at the client`);
      if (guard.failsFast || guard.isPaused) return readFallback(`NIC ${step.service} unavailable (circuit open)`);
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
      session,
    });
    if (step.queueable) meters.sentLive.record(result.attempts);
    if (result.kind === 'ok') {
      const nic = step.fromNic(result.response.body);
      if (typeof nic === 'string') return { ...failedReply({ correlationId, reason: nic, httpStatus: 502 }), attempts: result.attempts };
      if (step.queueable && (await guard.confirmWrite({ baseUrl, step: step.step, nicRequest, nic, correlationId, session })) === 'not-stored') {
        return { ...(await accept(`NIC ${step.service} answered but did not store it`)), attempts: result.attempts };
      }
      if (step.queueable) outbox.noteDone({ correlationId, step: step.step, nic, attempts: result.attempts });
      if (step.step === 'register') tokens.rememberRegistration(nic);
      return { ...doneReply({ correlationId, nic }), attempts: result.attempts };
    }
    if (result.kind === 'rejected') {
      return { ...failedReply({ correlationId, reason: `NIC ${step.service} rejected the request (${result.response.status})`, httpStatus: 502 }), attempts: result.attempts };
    }
    const reason = result.kind === 'open' ? `NIC ${step.service} circuit open` : result.reason;
    if (!step.queueable) return { ...readFallback(reason), attempts: result.attempts };
    return { ...(await accept(reason)), attempts: result.attempts };
  };
}

/** For a read whose reference is still queued: the provisional ids its parent issued for what the read gives. */
function pickProvisional(args: { outbox: Outbox; body: unknown; step: { refs: readonly string[]; provides: readonly string[] } }): Record<string, string> | undefined {
  if (args.step.provides.length === 0) return undefined;
  for (const ref of args.step.refs) {
    const value = field(args.body, ref);
    if (typeof value !== 'string') continue;
    const provisional = args.outbox.provisionalOf(value);
    if (!provisional) continue;
    const picked = Object.fromEntries(args.step.provides.filter((key) => provisional[key] !== undefined).map((key) => [key, provisional[key] as string]));
    if (Object.keys(picked).length > 0) return picked;
  }
  return undefined;
}
