import type { CallbackPolicy } from '../shared/callbacks/callbackPolicy.ts';
import type { ClientConfig } from '../shared/config.ts';
import type { AwaitedCallback } from '../shared/steps/journeyStep.ts';
import { wallMs } from '../shared/timeScale.ts';

/**
 * The journal client's knobs. Durations are simulated seconds divided by THAP_TIME_SCALE, with wall floors
 * that loopback and the event loop can honour. Engineering choices, not cited numbers, except the send-rate
 * multiple (traffic.md T5).
 */
export interface JournalSettings {
  /** How long a counter request waits for its write to reach NIC before it is answered `queued` (wall ms). */
  answerBudgetMs: number;
  /** One NIC attempt is abandoned after this (wall ms). */
  attemptTimeoutMs: number;
  /** Calls in flight to one NIC service at most (its bulkhead); reads beyond it fail at once. */
  bulkhead: number;
  /** After a failure the lane probes NIC with one write after this, doubling up to `probeMaxMs` (wall ms). */
  probeInitialMs: number;
  probeMaxMs: number;
  /**
   * A 403 from NIC's gateway is its WAF blocking this client for a window (outages.md O12: CoWIN's public API
   * answered 403 for a whole 5-minute window [35]; no NIC route answers 403 otherwise): the lane sends nothing to
   * that service for this long (wall ms), its writes kept on the journal, then tries again. One simulated
   * minute: a try a minute costs NIC a few calls a window and the counters are back within a minute of it lifting.
   */
  gatewayBlockMs: number;
  /** Failures in a row that make a route unhealthy (fewer, among answers, are NIC at its capacity). */
  tripAfter: number;
  /** A route's share of the send rate: the share of its last `paceWindow` sends NIC answered, never below `minPace`. */
  paceWindow: number;
  minPace: number;
  /** Sends to one service stay at most this multiple of the busiest demand offered to it (traffic.md T5: at most 2x). */
  sendRateMultiple: number;
  /** Length of the windows in which the busiest offered write rate is measured (wall ms). */
  rateWindowMs: number;
  /** Smallest send rate, writes per wall second (0.1 per simulated second), so a quiet night still drains. */
  minSendPerSecond: number;
  /** Wall ms of sends a lane may bunch together (its token bucket's depth), and at least this many sends. */
  burstMs: number;
  burstMin: number;
  /**
   * How long after NIC answered a write with a 5xx (without Retry-After) or a 408 the lane reads back
   * each write NIC answers 2xx, and how far back it reads the writes it trusted when that trouble begins
   * (examples/shared/writeAudit.ts), wall ms: 10 simulated minutes, longer than the gaps between O4's 504s
   * at a slow drain's pace (at 2 minutes, a write lost in such a gap was never read back). A write NIC did not
   * store is sent again, under the same Idempotency-Key.
   */
  writeTroubleHoldMs: number;
  /**
   * Per kind of callback, how long the counter waits for it before it asks NIC's status route once and then
   * answers `failed`: a few times what the callback takes when NIC is well, so only a late or lost one ends
   * the wait (assumptions, from the scenarios that state the delays): ABDM's on-share comes about 4.5 s after
   * the share (o11-abdm-callback-loss.yaml), 30 s; the payment webhook only once the patient has paid the UPI
   * QR, about a minute after it is shown (payment-gateway-down.yaml), 3 minutes.
   */
  callbackPolicies: Record<AwaitedCallback['kind'], CallbackPolicy>;
}

export function journalSettings(config: ClientConfig): JournalSettings {
  const scale = config.timeScale;
  const attemptTimeoutMs = Math.ceil(wallMs({ simSeconds: 4, timeScale: scale, floorMs: 250 }));
  return {
    answerBudgetMs: wallMs({ simSeconds: 3, timeScale: scale, floorMs: 100 }),
    attemptTimeoutMs,
    bulkhead: 16,
    probeInitialMs: wallMs({ simSeconds: 5, timeScale: scale, floorMs: 20 }),
    probeMaxMs: wallMs({ simSeconds: 60, timeScale: scale, floorMs: 200 }),
    gatewayBlockMs: wallMs({ simSeconds: 60, timeScale: scale, floorMs: 200 }),
    // A gateway failing half the calls fails five sends in a row 1 time in 32, three in a row 1 in 8: five keeps a
    // choppy route sending at its pace instead of flapping into probes.
    tripAfter: 5,
    paceWindow: 20,
    minPace: 1 / 20,
    // traffic.md T5: a well-behaved client flushes at or below 2x its normal write rate; 1.8x the busiest
    // two-minute window leaves room for arrivals that bunch within thap's 1 s buckets.
    sendRateMultiple: 1.8,
    rateWindowMs: wallMs({ simSeconds: 120, timeScale: scale, floorMs: 2000 }),
    minSendPerSecond: 0.1 * scale,
    burstMs: 200,
    burstMin: 8,
    writeTroubleHoldMs: wallMs({ simSeconds: 600, timeScale: scale, floorMs: 500 }),
    callbackPolicies: {
      'abdm-on-share': { waitMs: wallMs({ simSeconds: 30, timeScale: scale, floorMs: 100 }), pollTimeoutMs: attemptTimeoutMs, resends: 0 },
      'payment-webhook': { waitMs: wallMs({ simSeconds: 180, timeScale: scale, floorMs: 100 }), pollTimeoutMs: attemptTimeoutMs, resends: 0 },
    },
  };
}
