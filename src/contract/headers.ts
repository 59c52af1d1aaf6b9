/** Header k6 sets on every journey request; the client forwards it on every NIC call it makes for that step. */
export const correlationIdHeader = 'X-Correlation-Id';
/** Header a client should send on every NIC write; the same key on every attempt of one write. */
export const idempotencyKeyHeader = 'Idempotency-Key';
/** Header a client may send NIC to be counted apart for rate limits and Retry-After (default: its peer address). */
export const clientIdHeader = 'X-Client-Id';
/** Header NIC sends with 503 and 429: seconds (or an HTTP date) before the client should call again. */
export const retryAfterHeader = 'Retry-After';

/**
 * The correlation id thap gives one step of one journey: `<entity>.<step>`, e.g. `pt-000042.register`,
 * `srf-000913.createSrf`, `batch-0007.createConsignment`. Clients treat it as opaque (at most 128 characters
 * of `[A-Za-z0-9._:-]`); k6 records it as `metadata entity=<id>`, NIC's ledger as `clientRef`.
 */
export function correlationIdFor(args: { entity: string; step: string }): string {
  return `${args.entity}.${args.step}`;
}

export const correlationIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;
