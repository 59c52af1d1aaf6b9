import { clientIdHeader, correlationIdHeader, idempotencyKeyHeader, retryAfterHeader } from '../../src/contract/index.ts';

/**
 * The contract's header names (src/contract/headers.ts) as the mocks meet them: lower case, the key Node's
 * `req.headers` and a `Headers` record use. Computed once here, not per request.
 */
export const headerKeys = {
  correlationId: correlationIdHeader.toLowerCase(),
  idempotencyKey: idempotencyKeyHeader.toLowerCase(),
  clientId: clientIdHeader.toLowerCase(),
  retryAfter: retryAfterHeader.toLowerCase(),
} as const;
