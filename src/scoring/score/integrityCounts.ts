import type { Integrity } from '../reportSchema.ts';

/**
 * The integrity counts score v3 and the gates read that the `harm` helper's reconciliation adds
 * (`undelivered`, `falseClaims`). On a report without them, undelivered is the writes still pending at the
 * end of the run (what undelivered replaces) and false claims are unknown, so zero.
 */
export function undeliveredOf(integrity: Integrity): { undelivered: number; falseClaims: number } {
  const extra = integrity as Integrity & { undelivered?: number; falseClaims?: number };
  return { undelivered: extra.undelivered ?? integrity.pending, falseClaims: extra.falseClaims ?? 0 };
}
