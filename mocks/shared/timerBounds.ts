import { z } from 'zod';
import { MAX_TIMER_MS } from '../../src/util/index.ts';

/** A delay in milliseconds a timer can honour: 0 to 2^31 - 1. */
export function timerMs() {
  return z.number().nonnegative().max(MAX_TIMER_MS, `at most ${MAX_TIMER_MS} ms (2^31 - 1, the longest a timer can wait)`);
}

/** A delay in seconds a timer can honour: 0 to (2^31 - 1) / 1000. */
export function timerSec() {
  const max = Math.floor(MAX_TIMER_MS / 1000);
  return z.number().nonnegative().max(max, `at most ${max} s (2^31 - 1 ms, the longest a timer can wait)`);
}
