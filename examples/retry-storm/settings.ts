import type { CallbackPolicy } from '../shared/callbacks/callbackPolicy.ts';
import type { ClientConfig } from '../shared/config.ts';
import { wallMs } from '../shared/timeScale.ts';

/** The retry-storm client's knobs, as a careless integrator would set them. */
export interface RetryStormSettings {
  /** Attempts per request, back to back. */
  attempts: number;
  /** Wall ms before one attempt is abandoned (and retried at once). */
  attemptTimeoutMs: number;
  /** Wall ms between flushes of the in-memory queue. */
  flushEveryMs: number;
  /** Flush rounds before a queued write is dropped without a word to anyone (it keeps trying for hours). */
  maxRounds: number;
  /** Writes kept in memory at most. */
  queueLimit: number;
  /** Resends in flight at once during a flush (only so that the test machine itself survives the storm). */
  flushConcurrency: number;
  /** ABDM on-share, payment webhook: no callback within 30 s simulated, send the write again (4 times). */
  callbackPolicy: CallbackPolicy;
}

/**
 * Timers are simulated seconds divided by THAP_TIME_SCALE, with small wall floors for loopback. A 30 s attempt
 * timeout, 5 attempts back to back, a flush every simulated second for up to 3 simulated hours of rounds:
 * numbers chosen to be careless, not cited. The 20 ms flush floor only keeps a compressed run's storm within
 * what one test machine can serve.
 */
export function retryStormSettings(config: ClientConfig): RetryStormSettings {
  return {
    attempts: 5,
    attemptTimeoutMs: wallMs({ simSeconds: 30, timeScale: config.timeScale, floorMs: 200 }),
    flushEveryMs: wallMs({ simSeconds: 1, timeScale: config.timeScale, floorMs: 20 }),
    maxRounds: 3 * 3600,
    queueLimit: 20_000,
    flushConcurrency: 256,
    callbackPolicy: { waitMs: wallMs({ simSeconds: 30, timeScale: config.timeScale, floorMs: 200 }), resends: 4 },
  };
}
