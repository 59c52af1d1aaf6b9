import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  noJitterGenerator,
  retry,
  timeout,
  wrap,
  type CircuitBreakerPolicy,
  type IPolicy,
} from 'cockatiel';
import { attemptNic, attemptReason } from '../shared/attemptNic.ts';
import type { NicResponse } from '../shared/nicCall.ts';
import type { NicSession } from '../shared/nicSession.ts';
import type { Confirmation } from '../shared/readBack.ts';
import { WriteAudit, type AnsweredWrite } from '../shared/writeAudit.ts';
import type { ServiceName } from '../../src/contract/services.ts';
import type { NicRequest } from '../shared/steps/journeyStep.ts';
import type { EventLogger } from '../shared/outcomeLog.ts';
import type { ResilientSettings } from './settings.ts';

/** A NIC failure worth counting against the circuit (no answer, timeout, 5xx, 408, 429, a gateway's 403 block). */
export class NicFailure extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'NicFailure';
  }
}

/** What one guarded NIC call came to. */
export type GuardedResult =
  | { kind: 'ok'; response: NicResponse; attempts: number }
  /** NIC answered a 4xx it will answer again: the request itself is wrong. */
  | { kind: 'rejected'; response: NicResponse; attempts: number }
  | { kind: 'failed'; reason: string; retryAfterMs?: number; attempts: number }
  /** The circuit is open: NIC was not called at all (fail fast). */
  | { kind: 'open'; attempts: number };

/**
 * One service's guards, from cockatiel: a timeout per attempt, a circuit breaker shared by the live path and
 * the drain, and (live path only) retries with exponential backoff and decorrelated jitter. A failure with
 * Retry-After is not retried inside the request: the service is paused until then instead.
 */
export class ServiceGuard {
  readonly breaker: CircuitBreakerPolicy;
  private readonly live: IPolicy;
  private readonly drain: IPolicy;
  /** Wall ms until which NIC asked us (Retry-After) not to send. */
  pausedUntil = 0;
  /** Wall ms when the circuit last opened. */
  private openedAt = 0;
  /** Reads back the writes NIC answers while its writes are in trouble, and those trusted just before. */
  private readonly audit: WriteAudit;

  constructor(
    readonly service: ServiceName,
    private readonly settings: ResilientSettings,
    logEvent: EventLogger,
    private readonly options: { liveProbes: boolean } = { liveProbes: false },
  ) {
    this.audit = new WriteAudit({ service, holdMs: settings.writeTroubleHoldMs, timeoutMs: settings.attemptTimeoutMs, logEvent });
    const isFailure = (error: Error) => error instanceof NicFailure || error instanceof TaskCancelledError;
    // Each time a half-open probe fails, the circuit stays open twice as long (up to halfOpenMaxMs): a long
    // outage is probed a few times a simulated few minutes, not eight times a wall second.
    const halfOpenAfter = new ExponentialBackoff({ initialDelay: settings.halfOpenAfterMs, maxDelay: settings.halfOpenMaxMs, generator: noJitterGenerator });
    this.breaker = circuitBreaker(handleWhen(isFailure), { halfOpenAfter, breaker: new ConsecutiveBreaker(settings.breakerFailures) });
    this.breaker.onStateChange((state) => {
      if (state === CircuitState.Open) this.openedAt = Date.now();
      logEvent({ event: 'circuit', service, state: CircuitState[state] });
    });
    const attemptTimeout = timeout(settings.attemptTimeoutMs, TimeoutStrategy.Aggressive);
    // No retry while the service is paused: a Retry-After one call was given holds every call (a timed-out
    // attempt retried at once came back inside the wait, and NIC counted it as ignored).
    const retries = retry(
      handleWhen((error) => !this.isPaused && ((error instanceof NicFailure && error.retryAfterMs === undefined) || error instanceof TaskCancelledError)),
      { maxAttempts: settings.syncRetries, backoff: new ExponentialBackoff({ initialDelay: settings.backoffInitialMs, maxDelay: settings.backoffMaxMs }) },
    );
    this.live = wrap(retries, this.breaker, attemptTimeout);
    this.drain = wrap(this.breaker, attemptTimeout);
  }

  /** Calls `listener` each time the circuit closes again: NIC answers after an outage. */
  onRecovered(listener: () => void): void {
    this.breaker.onStateChange((state) => {
      if (state === CircuitState.Closed) listener();
    });
  }

  get isOpen(): boolean {
    return this.breaker.state === CircuitState.Open || this.breaker.state === CircuitState.Isolated;
  }

  /**
   * Whether the live path fails fast without calling NIC. cockatiel half-opens only when it is asked to call,
   * and the live path does not call while the circuit is open: the drain's paced probes close it. A service
   * with no queueable step (SMS, ABDM, payment) has no drain, so its open circuit would stay open for ever;
   * for it (`liveProbes`) the first live call once the circuit is due to half-open goes through as the probe.
   */
  get failsFast(): boolean {
    if (!this.options.liveProbes || this.breaker.state !== CircuitState.Open) return this.isOpen;
    return Date.now() < this.openedAt + this.settings.halfOpenAfterMs;
  }

  get isPaused(): boolean {
    return Date.now() < this.pausedUntil;
  }

  /**
   * A write NIC answered 2xx: `not-stored` when, read back while this service's writes are in trouble, NIC
   * does not have it (it must be sent again, under the same Idempotency-Key); otherwise the answer is trusted.
   */
  confirmWrite(write: AnsweredWrite): Promise<Confirmation> {
    return this.audit.confirm(write);
  }

  /** Waits for the read-backs of trusted writes that trouble set off. */
  settled(): Promise<void> {
    return this.audit.settled();
  }

  /** Calls NIC under the live (with retries) or drain (single attempt) policy. */
  async call(args: { mode: 'live' | 'drain'; baseUrl: string; nicRequest: NicRequest; correlationId: string; idempotencyKey?: string; session?: NicSession }): Promise<GuardedResult> {
    let attempts = 0;
    try {
      const policy = args.mode === 'live' ? this.live : this.drain;
      const outcome = await policy.execute(async ({ signal }) => {
        attempts += 1;
        const attempt = await attemptNic({ baseUrl: args.baseUrl, nicRequest: this.audit.rewrite(args.nicRequest), correlationId: args.correlationId, signal, ...(args.idempotencyKey !== undefined ? { idempotencyKey: args.idempotencyKey } : {}), ...(args.session ? { session: args.session } : {}) });
        if (args.nicRequest.write) this.audit.noteAttempt(attempt.kind === 'unreachable' ? undefined : attempt.response);
        if (attempt.kind === 'ok') return { kind: 'ok' as const, response: attempt.response };
        // NIC's gateway blocked this client for a window (settings.gatewayBlockMs): NIC is away for it, the
        // request is not wrong; the service is paused as for a Retry-After.
        if (attempt.kind === 'error-status' && attempt.response.status === 403) {
          throw new NicFailure(`NIC ${this.service}'s gateway blocked the client (403)`, attempt.response.retryAfterMs ?? this.settings.gatewayBlockMs);
        }
        if (attempt.kind === 'error-status' && !attempt.retryable) return { kind: 'rejected' as const, response: attempt.response };
        const retryAfterMs = attempt.kind === 'error-status' ? attempt.response.retryAfterMs : undefined;
        throw new NicFailure(attemptReason(attempt, this.service), retryAfterMs);
      });
      return { ...outcome, attempts };
    } catch (error) {
      if (error instanceof BrokenCircuitError) return { kind: 'open', attempts };
      if (error instanceof NicFailure) {
        if (error.retryAfterMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + error.retryAfterMs);
        return { kind: 'failed', reason: error.message, attempts, ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}) };
      }
      if (error instanceof TaskCancelledError) return { kind: 'failed', reason: `NIC ${this.service} did not answer within ${this.settings.attemptTimeoutMs} ms`, attempts };
      throw error;
    }
  }
}
