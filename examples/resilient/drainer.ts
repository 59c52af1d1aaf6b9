import { ExponentialBackoff, type IBackoff } from 'cockatiel';
import type { ClientConfig } from '../shared/config.ts';
import type { ServiceName } from '../../src/contract/services.ts';
import type { NicSessions } from '../shared/nicSession.ts';
import type { EventLogger } from '../shared/outcomeLog.ts';
import type { JourneyStep } from '../shared/steps/journeyStep.ts';
import { sleep } from '../shared/timeScale.ts';
import type { ServiceGuard } from './nicPolicies.ts';
import type { Outbox, OutboxEntry } from './outbox.ts';
import { resolveRefs } from './resolveRefs.ts';
import type { ResilientSettings } from './settings.ts';
import type { WriteMeters } from './strategy.ts';
import type { TokenCache } from './tokenCache.ts';

/** Wall ms the drain idles between looks at an empty or blocked outbox. */
const idleMs = 20;

/**
 * Submits queued writes in the order they were accepted, once their service's circuit lets calls through and
 * any Retry-After has passed. Pacing: the total NIC write rate (live + drain) stays at most
 * `drainRateMultiple` x the client's normal write rate (its busiest window of incoming writes; the drain never
 * below `minDrainPerSecond`), one write per dispatch gap: a backlog is never flushed at once. A failed write waits out
 * its own exponential backoff with jitter; a write NIC rejects as bad, or that depends on a write given up,
 * is abandoned and logged.
 */
export function startDrainer(args: {
  outbox: Outbox;
  guards: Record<ServiceName, ServiceGuard>;
  steps: ReadonlyMap<string, JourneyStep>;
  config: ClientConfig;
  settings: ResilientSettings;
  meters: WriteMeters;
  tokens: TokenCache;
  sessions: NicSessions;
  logEvent: EventLogger;
}) {
  const { outbox, guards, settings, meters, logEvent } = args;
  const controller = new AbortController();
  const inFlight = new Set<string>();
  const backoffs = new Map<string, IBackoff<unknown>>();
  const nextProbeAt: Partial<Record<ServiceName, number>> = {};
  const backoffFactory = new ExponentialBackoff({ initialDelay: settings.backoffInitialMs, maxDelay: settings.backoffMaxMs });
  let lastDispatch = 0;

  /**
   * Writes per wall second the drain may send now. The client's normal write rate is the busiest rate window
   * of incoming writes it has seen (what NIC takes from it on an ordinary hour); the total NIC write rate
   * (live writes, sent once each at the incoming rate, plus the drain) stays within `drainRateMultiple` x
   * that. So the drain gets (multiple - 1) x normal while the counters are busy and the whole budget once they
   * close, instead of idling at its floor with hours of queued writes. The incoming rate (not a meter of live
   * upstream calls) keeps the budget right at the moment NIC returns, when that meter still shows the
   * outage's silence.
   */
  const drainRate = () => {
    const incoming = meters.incoming.rate(settings.rateWindowMs);
    const normal = Math.max(incoming, meters.incoming.peakRate(settings.rateWindowMs));
    return Math.max(settings.minDrainPerSecond, settings.drainRateMultiple * normal - incoming);
  };

  const serviceReady = (service: ServiceName, now: number): boolean => {
    const guard = guards[service];
    if (guard.isPaused) return false;
    if (!guard.isOpen) return true;
    // Open circuit: let one probe through now and then, so cockatiel can half-open and close it.
    if (now < (nextProbeAt[service] ?? 0)) return false;
    nextProbeAt[service] = now + Math.max(idleMs, settings.halfOpenAfterMs / 4);
    return true;
  };

  const pickNext = async (): Promise<{ entry: OutboxEntry; step: JourneyStep; body: unknown; params: Record<string, string> } | undefined> => {
    const now = Date.now();
    const blocked = new Set<ServiceName>();
    for (const entry of outbox.pending()) {
      if (inFlight.has(entry.correlationId) || entry.notBefore > now) continue;
      const step = args.steps.get(entry.step);
      if (!step) {
        await outbox.abandon({ correlationId: entry.correlationId, reason: `step ${entry.step} is not served by this client` });
        continue;
      }
      if (blocked.has(step.service)) continue;
      const resolved = resolveRefs({ step, body: entry.body, params: entry.params, outbox });
      if (resolved.kind === 'waiting') continue;
      if (resolved.kind === 'dead') {
        await outbox.abandon({ correlationId: entry.correlationId, reason: resolved.reason });
        logEvent({ event: 'abandoned', step: entry.step, correlationId: entry.correlationId, reason: resolved.reason });
        continue;
      }
      if (!serviceReady(step.service, now)) {
        blocked.add(step.service);
        continue;
      }
      return { entry, step, body: resolved.body, params: resolved.params };
    }
    return undefined;
  };

  const submit = async (item: { entry: OutboxEntry; step: JourneyStep; body: unknown; params: Record<string, string> }): Promise<void> => {
    const { entry, step } = item;
    const nicRequest = step.toNic({ body: item.body, params: item.params });
    if (typeof nicRequest === 'string') {
      await outbox.abandon({ correlationId: entry.correlationId, reason: nicRequest });
      return;
    }
    const baseUrl = args.config.nic[step.service] as string;
    const session = args.sessions.for({ baseUrl, service: step.service });
    const result = await guards[step.service].call({ mode: 'drain', baseUrl, nicRequest, correlationId: entry.correlationId, idempotencyKey: entry.correlationId, session });
    if (result.kind === 'ok') {
      const nic = step.fromNic(result.response.body);
      await outbox.submitted({ correlationId: entry.correlationId, nic: typeof nic === 'string' ? {} : nic, attempts: entry.attempts + 1 });
      if (step.step === 'register' && typeof nic !== 'string') args.tokens.rememberRegistration(nic);
      backoffs.delete(entry.correlationId);
      logEvent({ event: 'drained', step: step.step, correlationId: entry.correlationId, attempts: entry.attempts + 1, waitedMs: Date.now() - entry.acceptedAt });
      return;
    }
    if (result.kind === 'rejected' || entry.attempts + 1 >= settings.maxDrainAttempts) {
      const reason = result.kind === 'rejected' ? `NIC ${step.service} rejected it (${result.response.status})` : `gave up after ${entry.attempts + 1} attempts`;
      await outbox.abandon({ correlationId: entry.correlationId, reason });
      logEvent({ event: 'abandoned', step: step.step, correlationId: entry.correlationId, reason });
      return;
    }
    const backoff = (backoffs.get(entry.correlationId) ?? backoffFactory.next()) as IBackoff<unknown>;
    backoffs.set(entry.correlationId, backoff.next(undefined));
    const wait = result.kind === 'failed' && result.retryAfterMs !== undefined ? Math.max(result.retryAfterMs, backoff.duration) : backoff.duration;
    outbox.noteFailure({ correlationId: entry.correlationId, reason: result.kind === 'open' ? 'circuit open' : result.reason, notBefore: Date.now() + wait });
  };

  const loop = async () => {
    while (!controller.signal.aborted) {
      if (outbox.pendingCount === 0 || inFlight.size >= settings.drainConcurrency) {
        await sleep(idleMs, controller.signal);
        continue;
      }
      const gap = 1000 / drainRate() - (Date.now() - lastDispatch);
      if (gap > 0) {
        await sleep(Math.min(gap, 250), controller.signal);
        continue;
      }
      const next = await pickNext();
      if (!next) {
        await sleep(idleMs, controller.signal);
        continue;
      }
      lastDispatch = Date.now();
      inFlight.add(next.entry.correlationId);
      void submit(next)
        .catch((error: unknown) => logEvent({ event: 'drain-error', correlationId: next.entry.correlationId, error: String(error) }))
        .finally(() => inFlight.delete(next.entry.correlationId));
    }
  };
  const running = loop();
  return {
    drainRate,
    stop: async () => {
      controller.abort();
      await running;
      while (inFlight.size > 0) await sleep(5);
    },
  };
}
