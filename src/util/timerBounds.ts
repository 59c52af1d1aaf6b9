import { z } from 'zod';

/**
 * The longest delay a Node timer holds: 2^31 - 1 ms (about 24.8 days). A longer one fires after 1 ms
 * instead (Node's `setTimeout` docs), so a mock would answer at once where it was asked to wait.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay in milliseconds a timer can honour: 0 to 2^31 - 1. */
export function timerMs() {
  return z.number().nonnegative().max(MAX_TIMER_MS, `at most ${MAX_TIMER_MS} ms (2^31 - 1, the longest a timer can wait)`);
}

/** A delay in seconds a timer can honour: 0 to (2^31 - 1) / 1000. */
export function timerSec() {
  const max = Math.floor(MAX_TIMER_MS / 1000);
  return z.number().nonnegative().max(max, `at most ${max} s (2^31 - 1 ms, the longest a timer can wait)`);
}
