/**
 * The longest delay a Node timer holds: 2^31 - 1 ms (about 24.8 days). A longer one fires after 1 ms
 * instead (Node's `setTimeout` docs), so a mock would answer at once where it was asked to wait.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;
