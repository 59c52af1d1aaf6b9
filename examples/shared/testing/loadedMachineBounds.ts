/**
 * Bounds for tests that start reference clients as real processes. Generous on purpose, not speed claims: on a
 * loaded two-core machine a tsx client can take many seconds to start, and polls return as soon as the state
 * they wait for is reached.
 */
export const clientStartupMs = 45_000;
/** How long a poll waits for a client to deliver or settle what it holds. */
export const deliveryMs = 30_000;
/** Test timeout for one client start and restart with their polls. */
export const realProcessTestMs = 2 * clientStartupMs + 2 * deliveryMs;
