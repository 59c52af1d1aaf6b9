import type { CallbackPolicy } from '../shared/callbacks/callbackPolicy.ts';
import type { ClientConfig } from '../shared/config.ts';
import type { AwaitedCallback } from '../shared/steps/journeyStep.ts';
import { wallMs } from '../shared/timeScale.ts';

/** The retry-storm client's knobs, as a careless integrator would set them. */
export interface RetryStormSettings {
  /** Attempts per request, back to back. */
  attempts: number;
  /** Wall ms before one attempt is abandoned (and retried at once). */
  attemptTimeoutMs: number;
  /** Wall ms from the start of one flush of the in-memory queue to the start of the next. */
  flushEveryMs: number;
  /** Flush rounds before a queued write is dropped without a word to anyone (it keeps trying for hours). */
  maxRounds: number;
  /** Writes kept in memory at most. */
  queueLimit: number;
  /** Resends in flight at once during a flush (only so that the test machine itself survives the storm). */
  flushConcurrency: number;
  /**
   * No callback within its wait, send the write again (4 times, without asking NIC's status route): ABDM's
   * on-share 30 s simulated; the payment webhook 3 minutes, since it comes only once the patient has paid, about
   * a minute after the QR is shown (payment-gateway-down.yaml). Careless in what it does when the wait ends, not
   * in the wait: a shorter one would resend every QR before the patient could pay.
   */
  callbackPolicies: Record<AwaitedCallback['kind'], CallbackPolicy>;
}

/** Simulated seconds between flushes: each is the whole queue times `attempts`, all at once. */
const FLUSH_EVERY_SIM_SECONDS = 120;
/** Simulated seconds a queued write is flushed before it is dropped. */
const GIVE_UP_AFTER_SIM_SECONDS = 3 * 3600;

/**
 * Timers are simulated seconds divided by THAP_TIME_SCALE, with small wall floors for loopback. Numbers chosen
 * to be careless, not cited: 5 attempts back to back with a 10 s timeout each, shorter than a busy NIC's queue
 * (the demo's e-Hospital keeps up to 30 s of work waiting), so every write that waited in a full queue is sent
 * again and stored twice; the whole queue hammered every 2 simulated minutes for up to 3 simulated hours.
 *
 * Both are set so that what the client does follows the incident's clock, not the machine (issue 13, the
 * same score at half the speed): a timeout equal to NIC's full-queue wait left every stored write on the
 * edge of it, and wall overheads (the event loop, Toxiproxy) that do not shrink with the speed decided which
 * were sent twice; a flush of a few hundred writes takes about a wall second of CPU, so a flush every
 * simulated second ran back to back at one flush per wall second whatever the speed. Flushes start on a fixed
 * schedule (flusher.ts), so one that ends early does not move the next. What the flushes' CPU does to the
 * counter's wait (wall time) still grows with the speed: docs/scoring.md "Speed invariance".
 */
export function retryStormSettings(config: ClientConfig): RetryStormSettings {
  const flushEveryMs = wallMs({ simSeconds: FLUSH_EVERY_SIM_SECONDS, timeScale: config.timeScale, floorMs: 20 });
  return {
    attempts: 5,
    // Whole ms: AbortSignal.timeout refuses a fraction.
    attemptTimeoutMs: Math.ceil(wallMs({ simSeconds: 10, timeScale: config.timeScale, floorMs: 100 })),
    flushEveryMs,
    maxRounds: Math.ceil(GIVE_UP_AFTER_SIM_SECONDS / FLUSH_EVERY_SIM_SECONDS),
    queueLimit: 20_000,
    flushConcurrency: 256,
    callbackPolicies: {
      'abdm-on-share': { waitMs: wallMs({ simSeconds: 30, timeScale: config.timeScale, floorMs: 200 }), resends: 4 },
      'payment-webhook': { waitMs: wallMs({ simSeconds: 180, timeScale: config.timeScale, floorMs: 200 }), resends: 4 },
    },
  };
}
