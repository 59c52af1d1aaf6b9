import { correlationIdHeader, idempotencyKeyHeader } from '../../../src/contract/headers.ts';
import type { FakeNicRequest } from './fakeNic.ts';

/**
 * The writes a fake NIC stores, counted the way NIC counts them: a request whose `Idempotency-Key` it has
 * already stored adds no record (a client's retry after its own attempt timed out, which a loaded machine
 * makes common, is still one write); a request without a key is always a new record.
 */
export function keyedWrites() {
  const recordsByCorrelationId = new Map<string, number>();
  const storedKeys = new Set<string>();
  const pairs = new Set<string>();
  return {
    /** Stores one write request; true when it made a new record. */
    store(request: FakeNicRequest): boolean {
      const correlationId = String(request.headers[correlationIdHeader.toLowerCase()]);
      const key = request.headers[idempotencyKeyHeader.toLowerCase()];
      pairs.add(`${correlationId}=${String(key)}`);
      if (typeof key === 'string') {
        if (storedKeys.has(key)) return false;
        storedKeys.add(key);
      }
      recordsByCorrelationId.set(correlationId, (recordsByCorrelationId.get(correlationId) ?? 0) + 1);
      return true;
    },
    /** How many records the writes with this correlation id made. */
    records: (correlationId: string): number => recordsByCorrelationId.get(correlationId) ?? 0,
    /** Every `correlationId=key` pair seen on a write (key `undefined` when it had none), sorted. */
    pairs: (): string[] => [...pairs].sort(),
  };
}
