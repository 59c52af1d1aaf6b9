import type { CallbackPolicy } from '../shared/callbacks/callbackPolicy.ts';
import type { AwaitedCallback } from '../shared/steps/journeyStep.ts';
import type { ClientConfig } from '../shared/config.ts';
import { wallMs } from '../shared/timeScale.ts';
import type { DrainLimitBounds } from './drainLimit.ts';

/**
 * The resilient client's knobs. Durations are simulated seconds divided by THAP_TIME_SCALE, with wall floors
 * so that loopback and the event loop can honour them. The values are engineering choices, not cited numbers.
 */
export interface ResilientSettings {
  /** One NIC attempt is abandoned after this (wall ms): 4 simulated seconds. */
  attemptTimeoutMs: number;
  /** Retries inside one client request (after the first attempt), with exponential backoff and jitter. */
  syncRetries: number;
  /** First and largest backoff delay, wall ms (cockatiel's decorrelated jitter between them). */
  backoffInitialMs: number;
  backoffMaxMs: number;
  /** Consecutive failures that open a service's circuit, and how long it stays open before a probe. */
  breakerFailures: number;
  halfOpenAfterMs: number;
  /** The longest a circuit stays open once its probes keep failing (each failed probe doubles the wait). */
  halfOpenMaxMs: number;
  /** Drain budget: total NIC write rate (live + drain) stays at most this multiple of the normal write rate
   * (the busiest `rateWindowMs` of incoming writes seen so far). */
  drainRateMultiple: number;
  /** Window over which the incoming ("normal") write rate is measured, wall ms. */
  rateWindowMs: number;
  /** Smallest drain rate, writes per wall second (0.1 per simulated second), so a quiet night still drains. */
  minDrainPerSecond: number;
  /**
   * Drain writes in flight per NIC service: where the limit starts and its bounds (drainLimit.ts; it follows
   * NIC's answers). A fixed 32 (O2's budget at 120x with 100 ms answers) overfilled the night proof's
   * ICMR portal at 600x, whose every Retry-After stopped all writes to it for a second; a fixed 8 fell
   * short of O2's budget on a loaded machine (docs/scale.md). A fifth of a round (of at least 20 answers) may
   * be trouble: O1's random 503s are a tenth of the calls, and halving at each of them held the drain to a few
   * writes in flight, so 1,446 queued writes missed O1's drain deadline (docs/calibration/calibration.md).
   */
  drainConcurrency: DrainLimitBounds;
  /**
   * A drain answer slower than this (wall ms) means NIC's queue is building: the service's limit shrinks.
   * 0.4 x the attempt timeout: a portal answering at capacity is held well short of the wait at which the
   * client would give up on an answer (and send the write again).
   */
  drainSlowMs: number;
  /**
   * A 403 from NIC's gateway is its WAF blocking this client for a window (outages.md O12: CoWIN's public API
   * answered 403 for a whole 5-minute window [35]; no NIC route answers 403 otherwise, docs/nic-mocks.md): every
   * call to that service is held this long (wall ms), the writes queued, then one call tries again. One
   * simulated minute: a probe a minute costs NIC five calls a window, and the counters are back within a minute
   * of the window lifting, where holding the whole 5 minutes could keep them degraded for nearly 5 more.
   */
  gatewayBlockMs: number;
  /**
   * How long after NIC answered a write with a 5xx (without Retry-After) or a 408 the client reads back
   * each write NIC answers 2xx, and how far back it reads the writes it trusted when that trouble begins
   * (examples/shared/writeAudit.ts), wall ms: 10 simulated minutes, longer than the gaps between O4's 504s
   * at a slow drain's pace (at 2 minutes, a write lost in such a gap was never read back). A write NIC did not
   * store is sent again, under the same Idempotency-Key.
   */
  writeTroubleHoldMs: number;
  /** A queued write is given up (abandoned, logged) after this many failed drain attempts. */
  maxDrainAttempts: number;
  /** File of the durable outbox. */
  outboxFile: string;
  /**
   * Per kind of callback, how long to wait before asking NIC's status route once, then degrading: ABDM's
   * on-share 30 s simulated (ABDM answers in seconds); the payment webhook 3 minutes simulated, as it comes only
   * once the patient at the counter has paid by UPI (about a minute in payment-gateway-down.yaml).
   */
  callbackPolicies: Record<AwaitedCallback['kind'], CallbackPolicy>;
}

export function resilientSettings(args: { config: ClientConfig; outboxFile: string }): ResilientSettings {
  const scale = args.config.timeScale;
  const attemptTimeoutMs = wallMs({ simSeconds: 4, timeScale: scale, floorMs: 250 });
  return {
    attemptTimeoutMs,
    syncRetries: 1,
    backoffInitialMs: wallMs({ simSeconds: 0.5, timeScale: scale, floorMs: 10 }),
    backoffMaxMs: wallMs({ simSeconds: 60, timeScale: scale, floorMs: 200 }),
    breakerFailures: 5,
    halfOpenAfterMs: wallMs({ simSeconds: 15, timeScale: scale, floorMs: 100 }),
    halfOpenMaxMs: wallMs({ simSeconds: 120, timeScale: scale, floorMs: 400 }),
    // traffic.md T5: a well-behaved client flushes at or below 2x the normal write rate; aiming at 1.8x leaves
    // room for arrivals that bunch within a second (thap measures the peak in 1 s buckets).
    drainRateMultiple: 1.8,
    rateWindowMs: wallMs({ simSeconds: 120, timeScale: scale, floorMs: 2000 }),
    minDrainPerSecond: 0.1 * scale,
    drainConcurrency: { initial: 8, min: 1, max: 64, toleratedShare: 0.2, minRound: 20 },
    drainSlowMs: 0.4 * attemptTimeoutMs,
    gatewayBlockMs: wallMs({ simSeconds: 60, timeScale: scale, floorMs: 200 }),
    writeTroubleHoldMs: wallMs({ simSeconds: 600, timeScale: scale, floorMs: 500 }),
    maxDrainAttempts: 10_000,
    outboxFile: args.outboxFile,
    callbackPolicies: {
      'abdm-on-share': { waitMs: wallMs({ simSeconds: 30, timeScale: scale, floorMs: 100 }), pollTimeoutMs: wallMs({ simSeconds: 4, timeScale: scale, floorMs: 250 }), resends: 0 },
      'payment-webhook': { waitMs: wallMs({ simSeconds: 180, timeScale: scale, floorMs: 100 }), pollTimeoutMs: wallMs({ simSeconds: 4, timeScale: scale, floorMs: 250 }), resends: 0 },
    },
  };
}
