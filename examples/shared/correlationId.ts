import type { IncomingHttpHeaders } from 'node:http';
import { correlationIdHeader } from '../../src/contract/headers.ts';

/** The header k6 sends with every journey step, as Node's `req.headers` keys it; the client forwards it to NIC (the ledger's clientRef). */
export const correlationHeader = correlationIdHeader.toLowerCase();

/** The request's correlation id, or undefined when the header is missing, repeated or empty. */
export function readCorrelationId(headers: IncomingHttpHeaders): string | undefined {
  const value = headers[correlationHeader];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 && trimmed.length <= 200 ? trimmed : undefined;
}
