import type { ClientConfig } from '../shared/config.ts';
import { wallMs } from '../shared/timeScale.ts';

/** The retry-storm client's knobs, as a careless integrator would set them. */
export interface RetryStormSettings {
  /** Attempts per request, back to back. */
  attempts: number;
  /** Wall ms before one attempt is abandoned (and retried at once). */
  attemptTimeoutMs: number;
  /** Wall ms between the end of one flush of the in-memory queue and the start of the next. */
  flushPauseMs: number;
  /** Flush rounds before a queued write is dropped without a word to anyone (it keeps trying for hours). */
  maxRounds: number;
  /** Writes kept in memory at most. */
  queueLimit: number;
  /** Resends in flight at once during a flush (only so that the test machine itself survives the storm). */
  flushConcurrency: number;
}

/**
 * Numbers chosen to be careless, not cited: 5 attempts back to back with a 10 s timeout each (simulated
 * seconds divided by THAP_TIME_SCALE, whole wall ms), shorter than a busy NIC's queue (the demo's e-Hospital
 * keeps up to 30 s of work waiting), so every write that waited in a full queue is sent again and stored
 * twice; and the queue hammered again as soon as the last flush ended, for 10,800 rounds.
 *
 * Set so that the score does not depend on the speed (issue 13): a timeout equal to NIC's full-queue wait left
 * every stored write on the edge of it, and wall overheads that do not shrink with the speed (the event loop,
 * Toxiproxy) decided which were sent twice. A flush of a few hundred writes takes about a wall second of CPU
 * (0.17 ms per failed fetch, 2,000 a flush), so the flushes run back to back whatever the pause: their pace is
 * the machine's at any speed, and so is what they do to the clerk's wait. A flush paced on the incident's
 * clock instead did twice the work per wall second at 60x as at 30x and doubled the clerk's wait there.
 */
export function retryStormSettings(config: ClientConfig): RetryStormSettings {
  return {
    attempts: 5,
    // Whole ms: AbortSignal.timeout refuses a fraction.
    attemptTimeoutMs: Math.ceil(wallMs({ simSeconds: 10, timeScale: config.timeScale, floorMs: 100 })),
    flushPauseMs: 20,
    maxRounds: 3 * 3600,
    queueLimit: 20_000,
    flushConcurrency: 256,
  };
}
