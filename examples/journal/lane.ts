import { bulkhead, type BulkheadPolicy } from 'cockatiel';
import { attemptNic, type Attempt } from '../shared/attemptNic.ts';
import type { ServiceName } from '../../src/contract/services.ts';
import type { NicSession } from '../shared/nicSession.ts';
import type { EventLogger } from '../shared/outcomeLog.ts';
import type { JourneyStep, NicRequest } from '../shared/steps/journeyStep.ts';
import { sleep } from '../shared/timeScale.ts';
import { WriteAudit } from '../shared/writeAudit.ts';
import { resolveRefs } from '../resilient/resolveRefs.ts';
import { BusiestDemand } from './busiestDemand.ts';
import type { Journal } from './journal.ts';
import { RouteHealth } from './routeHealth.ts';
import type { JournalSettings } from './settings.ts';

/** Wall ms a lane idles between looks when it has nothing it may send. */
const idleMs = 10;
/** Pending writes a lane looks through for one it can send (the rest wait on writes ahead of them). */
const scanLimit = 500;

/**
 * The reconciler of one NIC service: the only way the client's writes reach that service. It sends the
 * service's journaled writes in the order they were accepted, each with `Idempotency-Key` = correlation id,
 * under the service's own bulkhead (so a slow service cannot take another's connections), paced by a token
 * bucket at `sendRateMultiple` x the busiest demand offered to it (busiestDemand.ts: the backlog of an outage
 * drains at that rate after the load has stopped), each route at the share of that rate NIC answers on it
 * (routeHealth.ts: a gateway failing 70% of calls is sent 30% of the rate). Failures in a row make a route (the
 * step's NIC call) unhealthy: that route then sends one write at a time as a probe, after a backoff that
 * doubles (with jitter) or after NIC's Retry-After, until NIC takes one, while the service's other routes
 * carry on. A 403 is NIC's gateway blocking this client (settings.gatewayBlockMs): the whole lane holds its
 * sends and reads for a while and keeps its writes. Writes NIC refuses as bad (other 4xx) are given up and logged.
 * While the service's writes are in trouble (a 5xx or a 408 lately), a write NIC answers 2xx is read back
 * before it counts as delivered, and sent again when NIC did not store it (writeAudit.ts, outages.md O4).
 */
export class Lane {
  /** Writes offered to this service: its busiest window sets the send rate. */
  private readonly offered: BusiestDemand;
  private readonly queue = new Set<string>();
  private readonly inFlight = new Set<string>();
  private readonly bulkhead: BulkheadPolicy;
  private readonly routes = new Map<string, RouteHealth>();
  private tokens: number;
  private tokensAt = Date.now();
  /** Wall ms until which NIC's gateway blocks this client (a 403): nothing is sent to the service before. */
  private blockedUntil = 0;
  /** Reads back the writes NIC answers while its writes are in trouble, and those trusted just before. */
  private readonly audit: WriteAudit;
  private wake: (() => void) | undefined;
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly args: {
      service: ServiceName;
      baseUrl: string;
      steps: ReadonlyMap<string, JourneyStep>;
      journal: Journal;
      settings: JournalSettings;
      session: NicSession;
      logEvent: EventLogger;
      /** A flaw for the bad client built on this one: a write for which it answers true is silently dropped. */
      forget?: (correlationId: string) => boolean;
    },
  ) {
    this.bulkhead = bulkhead(args.settings.bulkhead, 0);
    this.offered = new BusiestDemand(args.settings.rateWindowMs);
    this.tokens = args.settings.burstMin;
    this.audit = new WriteAudit({ service: args.service, holdMs: args.settings.writeTroubleHoldMs, timeoutMs: args.settings.attemptTimeoutMs, logEvent: args.logEvent });
  }

  /** Whether the NIC route of `step` answers (a read is then sent). */
  healthyFor(step: string): boolean {
    return !this.blocked(Date.now()) && this.routeOf(step).healthy;
  }

  /**
   * Whether a write for `step` offered now would be sent within `ms`: its route answers and the writes queued
   * ahead of it (each at that route's cost) fit in the tokens at hand and those `ms` bring. A counter request
   * only waits for NIC's ids when they can come in time; behind a backlog it answers `queued` at once.
   */
  sendsWithin(step: string, ms: number): boolean {
    const route = this.routeOf(step);
    if (!this.healthyFor(step)) return false;
    const rate = this.refill(Date.now());
    return (this.queue.size + 1) / route.pace <= this.tokens + (rate * ms) / 1000;
  }

  get backlog(): number {
    return this.queue.size;
  }

  /** Counts one write offered to this service (the pacing's measure of its busiest demand). */
  recordOffered(): void {
    this.offered.record();
  }

  /** A journaled write for this service, to be sent in turn. */
  enqueue(correlationId: string): void {
    this.queue.add(correlationId);
    this.wake?.();
  }

  /** A read, sent at once under the bulkhead; refused without calling NIC when the lane is unhealthy or full. */
  async read(args: { step: string; nicRequest: NicRequest; correlationId: string }): Promise<Attempt | { kind: 'refused'; reason: string }> {
    if (!this.healthyFor(args.step)) return { kind: 'refused', reason: `NIC ${this.args.service} is not answering; not asked` };
    if (this.bulkhead.executionSlots === 0) return { kind: 'refused', reason: `NIC ${this.args.service} bulkhead full (${this.args.settings.bulkhead} calls in flight)` };
    const attempt = await this.bulkhead.execute(() => this.call({ nicRequest: args.nicRequest, correlationId: args.correlationId }));
    this.noteGatewayBlock(attempt);
    return attempt;
  }

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    while (this.inFlight.size > 0) await sleep(5);
    await this.audit.settled();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const pause = this.pauseBeforeNextSend();
      if (pause > 0) {
        await this.idle(pause);
        continue;
      }
      const next = this.pickReady();
      if (!next) {
        await this.idle(this.queue.size === 0 ? 1000 : idleMs);
        continue;
      }
      // A route NIC pushed back on sends at its pace's share of the rate: each send costs 1 / pace tokens.
      this.tokens -= 1 / this.routeOf(next.step.step).pace;
      this.routeOf(next.step.step).probing();
      this.inFlight.add(next.correlationId);
      void this.bulkhead
        .execute(() => this.send(next))
        .catch((error: unknown) => this.args.logEvent({ event: 'send-error', correlationId: next.correlationId, error: String(error) }))
        .finally(() => {
          this.inFlight.delete(next.correlationId);
          this.wake?.();
        });
    }
  }

  /** Wall ms to wait before the next send may go: nothing queued, bulkhead full, probe not due, no token. */
  private pauseBeforeNextSend(): number {
    if (this.queue.size === 0) return 1000;
    const now = Date.now();
    if (this.blocked(now)) return this.blockedUntil - now;
    if (this.bulkhead.executionSlots === 0) return idleMs;
    const rate = this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / rate);
  }

  /** Adds the tokens earned since the last refill; returns the send rate (writes per wall second). */
  private refill(now: number): number {
    const rate = Math.max(this.args.settings.minSendPerSecond, this.args.settings.sendRateMultiple * this.offered.perSecond());
    const depth = Math.max(this.args.settings.burstMin, (rate * this.args.settings.burstMs) / 1000);
    this.tokens = Math.min(depth, this.tokens + ((now - this.tokensAt) * rate) / 1000);
    this.tokensAt = now;
    return rate;
  }

  private pickReady(): { correlationId: string; step: JourneyStep; nicRequest: NicRequest } | undefined {
    const now = Date.now();
    let scanned = 0;
    for (const correlationId of this.queue) {
      if (++scanned > scanLimit) return undefined;
      if (this.inFlight.has(correlationId)) continue;
      const entry = this.args.journal.get(correlationId);
      const step = entry ? this.args.steps.get(entry.step) : undefined;
      if (!entry || entry.state !== 'pending' || !step) {
        this.queue.delete(correlationId);
        continue;
      }
      if (!this.routeOf(step.step).mayTry(now)) continue;
      if (this.args.forget?.(correlationId)) {
        this.queue.delete(correlationId);
        this.args.journal.forget(correlationId);
        continue;
      }
      const resolved = resolveRefs({ step, body: entry.body, params: entry.params, outbox: this.args.journal });
      if (resolved.kind === 'waiting') continue;
      const nicRequest = resolved.kind === 'ready' ? step.toNic({ body: resolved.body, params: resolved.params }) : resolved.reason;
      if (typeof nicRequest === 'string') {
        this.giveUp(correlationId, nicRequest);
        continue;
      }
      return { correlationId, step, nicRequest };
    }
    return undefined;
  }

  private async send(item: { correlationId: string; step: JourneyStep; nicRequest: NicRequest }): Promise<void> {
    const attempt = await this.call({ nicRequest: item.nicRequest, correlationId: item.correlationId, idempotencyKey: item.correlationId });
    this.audit.noteAttempt(attempt.kind === 'unreachable' ? undefined : attempt.response);
    if (attempt.kind === 'ok') {
      const parsed = item.step.fromNic(attempt.response.body);
      const nic = typeof parsed === 'string' ? {} : parsed;
      this.markAnswered(item.step.step);
      const write = { baseUrl: this.args.baseUrl, step: item.step.step, nicRequest: item.nicRequest, correlationId: item.correlationId, nic, session: this.args.session };
      if ((await this.audit.confirm(write)) === 'not-stored') return;
      this.queue.delete(item.correlationId);
      this.args.journal.delivered({ correlationId: item.correlationId, nic });
      return;
    }
    if (this.noteGatewayBlock(attempt)) return;
    if (attempt.kind === 'error-status' && !attempt.retryable) {
      this.markAnswered(item.step.step);
      this.giveUp(item.correlationId, `NIC ${this.args.service} refused it (${attempt.response.status})`);
      return;
    }
    if (this.routeOf(item.step.step).failed(attempt.kind === 'error-status' ? attempt.response.retryAfterMs : undefined, Date.now())) {
      this.args.logEvent({ event: 'lane', service: this.args.service, step: item.step.step, state: 'unhealthy', backlog: this.queue.size });
    }
  }

  private call(args: { nicRequest: NicRequest; correlationId: string; idempotencyKey?: string }): Promise<Attempt> {
    return attemptNic({ baseUrl: this.args.baseUrl, ...args, nicRequest: this.audit.rewrite(args.nicRequest), timeoutMs: this.args.settings.attemptTimeoutMs, session: this.args.session });
  }

  private blocked(now: number): boolean {
    return now < this.blockedUntil;
  }

  /** A 403 is NIC's gateway blocking the client: the lane holds everything for a while; true when it was one. */
  private noteGatewayBlock(attempt: Attempt): boolean {
    if (attempt.kind !== 'error-status' || attempt.response.status !== 403) return false;
    const now = Date.now();
    if (!this.blocked(now)) this.args.logEvent({ event: 'lane', service: this.args.service, state: 'blocked by the gateway', backlog: this.queue.size });
    this.blockedUntil = Math.max(this.blockedUntil, now + (attempt.response.retryAfterMs ?? this.args.settings.gatewayBlockMs));
    return true;
  }

  private giveUp(correlationId: string, reason: string): void {
    this.queue.delete(correlationId);
    this.args.journal.givenUp({ correlationId, reason });
    this.args.logEvent({ event: 'abandoned', service: this.args.service, correlationId, reason });
  }

  private markAnswered(step: string): void {
    if (this.routeOf(step).answered()) this.args.logEvent({ event: 'lane', service: this.args.service, step, state: 'healthy', backlog: this.queue.size });
  }

  private routeOf(step: string): RouteHealth {
    let health = this.routes.get(step);
    if (!health) this.routes.set(step, (health = new RouteHealth(this.args.settings)));
    return health;
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
