import type { Integrity } from '../reportSchema.ts';

/**
 * The integrity counts score v3 and the gates read from the reconciliation's `undelivered` (accepted writes,
 * done or queued, not at NIC by the drain deadline: lost ones included) and `falseClaims`. On a report from
 * before them, undelivered is what was lost or still pending at the end of the run, and false claims are
 * unknown, so zero.
 */
export function undeliveredOf(integrity: Integrity): { undelivered: number; falseClaims: number } {
  const extra = integrity as Integrity & { undelivered?: number; falseClaims?: number };
  return { undelivered: extra.undelivered ?? integrity.lost + integrity.pending, falseClaims: extra.falseClaims ?? 0 };
}
