import type { LedgerEntry } from '../ledger/ledger.ts';

/**
 * Filters for `GET /__admin/ledger`: `service=NAME`, `since=SEQ` (entries with a larger seq),
 * `clientRef=REF`.
 */
export function filterLedger(entries: readonly LedgerEntry[], query: URLSearchParams): LedgerEntry[] {
  const service = query.get('service');
  const since = Number(query.get('since') ?? 0);
  const clientRef = query.get('clientRef');
  return entries.filter(
    (entry) => entry.seq > since && (!service || entry.service === service) && (!clientRef || entry.clientRef === clientRef),
  );
}
