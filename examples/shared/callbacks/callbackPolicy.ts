/**
 * How a client waits for a step NIC finishes in a callback (ABDM on-share, payment webhook): each reference
 * client has its own (naive waits for ever; retry-storm sends the write again; resilient asks NIC's status
 * route once, then gives up into its degraded mode).
 */
export interface CallbackPolicy {
  /** Wall ms to wait for the callback; undefined waits for ever. */
  waitMs?: number;
  /** When the wait ends: ask NIC's status route once, with this wall timeout (undefined: do not ask). */
  pollTimeoutMs?: number;
  /** When the wait (and the poll) ends empty: send the write again this many times, waiting again after each. */
  resends: number;
}

/** The naive client's: one write, then wait for the callback however long it takes. */
export const waitForEver: CallbackPolicy = { resends: 0 };
