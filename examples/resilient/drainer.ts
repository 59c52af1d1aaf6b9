import { ExponentialBackoff, noJitterGenerator, type IBackoff } from 'cockatiel';
import type { ClientConfig } from '../shared/config.ts';
import type { ServiceName } from '../../src/contract/services.ts';
import type { NicSessions } from '../shared/nicSession.ts';
import type { EventLogger } from '../shared/outcomeLog.ts';
import type { JourneyStep } from '../shared/steps/journeyStep.ts';
import { sleep } from '../shared/timeScale.ts';
import { drainBudget } from './drainBudget.ts';
import { DrainLimit, drainSignal } from './drainLimit.ts';
import type { ServiceGuard } from './nicPolicies.ts';
import type { Outbox, OutboxEntry } from './outbox.ts';
import { resolveRefs } from './resolveRefs.ts';
import type { ResilientSettings } from './settings.ts';
import type { WriteMeters } from './strategy.ts';
import type { TokenCache } from './tokenCache.ts';

/** Wall ms the drain idles between looks at an empty or blocked outbox. */
const idleMs = 20;
/**
 * How far behind its schedule the drain may catch up, wall ms. Paced from the previous dispatch, every
 * timer's lateness is lost (at 300 writes a second, 3 ms apart, the drain reached ~80% of its budget on a
 * loaded machine); paced from its schedule, it makes up lateness of up to this much in a short burst.
 */
const catchUpMs = 50;

/**
 * Submits queued writes in the order they were accepted, once their service's circuit lets calls through and
 * any Retry-After has passed. Two limits pace it:
 * - rate: the total NIC write rate (live + drain) stays at most `drainRateMultiple` x the client's normal
 *   write rate (its busiest window of incoming writes; the drain never below `minDrainPerSecond`), one write
 *   per slot of a schedule: a backlog is never flushed at once;
 * - writes in flight per service: a DrainLimit that follows NIC's answers, growing while they come back fast
 *   and shrinking when they slow down (NIC's queue is building) or push back (429, 5xx, Retry-After, no
 *   answer). A portal at capacity is so kept below the queue length where it refuses work with a Retry-After
 *   that stops every write to it, while a service that answers fast gets the whole rate budget.
 * A failed write waits out its own exponential backoff with jitter; a write NIC rejects as bad, or that depends
 * on a write given up, is abandoned and logged.
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
  const inFlightPerService = new Map<ServiceName, number>();
  const limits = new Map<ServiceName, DrainLimit>();
  const backoffs = new Map<string, IBackoff<unknown>>();
  const nextProbeAt: Partial<Record<ServiceName, number>> = {};
  const backoffFactory = new ExponentialBackoff({ initialDelay: settings.backoffInitialMs, maxDelay: settings.backoffMaxMs });
  /**
   * Steps (one NIC route each) whose last drain write failed: none of their writes goes before `until`, a wait
   * that doubles while the route keeps failing (to `halfOpenMaxMs`). A failing route is so probed by one write
   * now and then, not by every write of it that is due (a portal refusing consignments while it takes SRFs).
   */
  const stepHolds = new Map<string, { until: number; backoff: IBackoff<unknown> }>();
  const holdFactory = new ExponentialBackoff({ initialDelay: settings.backoffInitialMs, maxDelay: settings.halfOpenMaxMs, generator: noJitterGenerator });
  const stepHeld = (step: string, now: number) => (stepHolds.get(step)?.until ?? 0) > now;
  /** Wall ms at which the next drain write is due (paced by drainRate). */
  let nextDispatchAt = 0;

  const limitOf = (service: ServiceName): DrainLimit => {
    let limit = limits.get(service);
    if (!limit) {
      limit = new DrainLimit(settings.drainConcurrency);
      limits.set(service, limit);
    }
    return limit;
  };
  /** Wall ms when a service's circuit last closed again (NIC back after an outage). */
  let recoveredAt = Number.NEGATIVE_INFINITY;
  // NIC back after an outage: the drain finds its capacity again from slow start, not from the outage's minimum.
  for (const [service, guard] of Object.entries(guards) as Array<[ServiceName, ServiceGuard]>) {
    guard.onRecovered(() => {
      recoveredAt = Date.now();
      limits.get(service)?.restart();
    });
  }
  const hasRoom = (service: ServiceName) => (inFlightPerService.get(service) ?? 0) < limitOf(service).limit;

  /**
   * Writes per wall second the drain may send now (drainBudget.ts). The client's normal write rate is the
   * busiest rate window of incoming writes it has seen (what NIC takes from it on an ordinary hour); the total
   * NIC write rate stays within `drainRateMultiple` x that. So the drain gets what the live path leaves while
   * the counters are busy and the whole budget once they close, instead of idling at its floor with hours of
   * queued writes.
   */
  const drainRate = () => {
    const incoming = meters.incoming.rate(settings.rateWindowMs);
    const normal = Math.max(incoming, meters.incoming.peakRate(settings.rateWindowMs));
    const justRecovered = Date.now() - recoveredAt < settings.rateWindowMs;
    return drainBudget({ multiple: settings.drainRateMultiple, normal, incoming, sentLive: meters.sentLive.rate(settings.rateWindowMs), justRecovered, min: settings.minDrainPerSecond });
  };

  /** Whether serviceReady could say yes now, without taking the probe slot of an open circuit. */
  const mayBeReady = (service: ServiceName, now: number): boolean => {
    const guard = guards[service];
    return !guard.isPaused && hasRoom(service) && (!guard.isOpen || now >= (nextProbeAt[service] ?? 0));
  };

  const serviceReady = (service: ServiceName, now: number): boolean => {
    if (!mayBeReady(service, now)) return false;
    // Open circuit: let one probe through now and then, so cockatiel can half-open and close it.
    if (guards[service].isOpen) nextProbeAt[service] = now + Math.max(idleMs, settings.halfOpenAfterMs / 4);
    return true;
  };

  /**
   * Whether a scan of the outbox could find anything to send: some step with pending writes whose service may
   * be called now. While NIC is down the outbox holds every write of the outage, and the drain looks 50 times
   * a wall second: without this, each look walked the whole backlog to find nothing.
   */
  const worthScanning = (now: number): boolean => {
    for (const name of outbox.pendingSteps()) {
      const step = args.steps.get(name);
      if (!step || (!stepHeld(name, now) && mayBeReady(step.service, now))) return true;
    }
    return false;
  };

  const pickNext = async (): Promise<{ entry: OutboxEntry; step: JourneyStep; body: unknown; params: Record<string, string> } | undefined> => {
    const now = Date.now();
    if (!worthScanning(now)) return undefined;
    const blocked = new Set<ServiceName>();
    for (const entry of outbox.pending()) {
      if (inFlight.has(entry.correlationId) || entry.notBefore > now) continue;
      const step = args.steps.get(entry.step);
      if (!step) {
        await outbox.abandon({ correlationId: entry.correlationId, reason: `step ${entry.step} is not served by this client` });
        continue;
      }
      if (blocked.has(step.service) || stepHeld(step.step, now)) continue;
      if (!mayBeReady(step.service, now)) {
        blocked.add(step.service);
        continue;
      }
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
    const limit = limitOf(step.service);
    const ticket = limit.dispatch();
    const sentAt = Date.now();
    const result = await guards[step.service].call({ mode: 'drain', baseUrl, nicRequest, correlationId: entry.correlationId, idempotencyKey: entry.correlationId, session });
    const signal = drainSignal({ result, ms: Date.now() - sentAt, slowMs: settings.drainSlowMs });
    if (signal) limit.answered(ticket, signal);
    if (result.kind === 'failed') {
      const held = stepHolds.get(step.step);
      const backoff = held ? held.backoff.next(undefined) : holdFactory.next();
      stepHolds.set(step.step, { until: Date.now() + backoff.duration, backoff });
    } else if (result.kind !== 'open') stepHolds.delete(step.step);
    if (result.kind === 'ok') {
      const nic = step.fromNic(result.response.body);
      const ids = typeof nic === 'string' ? {} : nic;
      if ((await guards[step.service].confirmWrite({ baseUrl, step: step.step, nicRequest, nic: ids, correlationId: entry.correlationId, session })) === 'not-stored') {
        retryLater(entry, `NIC ${step.service} answered but did not store it`);
        return;
      }
      await outbox.submitted({ correlationId: entry.correlationId, nic: ids, attempts: entry.attempts + 1 });
      if (step.step === 'register' && typeof nic !== 'string') args.tokens.rememberRegistration(nic);
      backoffs.delete(entry.correlationId);
      logEvent({ event: 'drained', step: step.step, correlationId: entry.correlationId, attempts: entry.attempts + 1, waitedMs: Date.now() - entry.acceptedAt, limit: limit.limit });
      return;
    }
    if (result.kind === 'rejected' || entry.attempts + 1 >= settings.maxDrainAttempts) {
      const reason = result.kind === 'rejected' ? `NIC ${step.service} rejected it (${result.response.status})` : `gave up after ${entry.attempts + 1} attempts`;
      await outbox.abandon({ correlationId: entry.correlationId, reason });
      logEvent({ event: 'abandoned', step: step.step, correlationId: entry.correlationId, reason });
      return;
    }
    retryLater(entry, result.kind === 'open' ? 'circuit open' : result.reason, result.kind === 'failed' ? result.retryAfterMs : undefined);
  };

  /** The write stays queued and waits out its own backoff (at least NIC's Retry-After) before it goes again. */
  const retryLater = (entry: OutboxEntry, reason: string, retryAfterMs?: number): void => {
    const backoff = (backoffs.get(entry.correlationId) ?? backoffFactory.next()) as IBackoff<unknown>;
    backoffs.set(entry.correlationId, backoff.next(undefined));
    const wait = retryAfterMs !== undefined ? Math.max(retryAfterMs, backoff.duration) : backoff.duration;
    outbox.noteFailure({ correlationId: entry.correlationId, reason, notBefore: Date.now() + wait });
  };

  /** Resolves after `ms`, or as soon as a drain write finishes (its slot is free) or the drain stops. */
  let wake: (() => void) | undefined;
  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        if (wake === done) wake = undefined;
        resolve();
      }
      wake = done;
    });

  const loop = async () => {
    while (!controller.signal.aborted) {
      if (outbox.pendingCount === 0) {
        await idle(idleMs);
        continue;
      }
      const now = Date.now();
      const gap = nextDispatchAt - now;
      if (gap > 0) {
        await idle(Math.min(gap, 250));
        continue;
      }
      const next = await pickNext();
      if (!next) {
        await idle(idleMs);
        continue;
      }
      nextDispatchAt = Math.max(nextDispatchAt, now - catchUpMs) + 1000 / drainRate();
      const { correlationId } = next.entry;
      const service = next.step.service;
      inFlight.add(correlationId);
      inFlightPerService.set(service, (inFlightPerService.get(service) ?? 0) + 1);
      void submit(next)
        .catch((error: unknown) => logEvent({ event: 'drain-error', correlationId, error: String(error) }))
        .finally(() => {
          inFlight.delete(correlationId);
          inFlightPerService.set(service, (inFlightPerService.get(service) ?? 1) - 1);
          wake?.();
        });
    }
  };
  const running = loop();
  return {
    drainRate,
    /** Drain writes each service may have in flight now (its DrainLimit). */
    limits: () => Object.fromEntries([...limits].map(([service, limit]) => [service, limit.limit])) as Partial<Record<ServiceName, number>>,
    stop: async () => {
      controller.abort();
      wake?.();
      await running;
      while (inFlight.size > 0) await sleep(5);
    },
  };
}
