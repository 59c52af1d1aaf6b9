import type { ServiceName } from '../types.ts';
import type { NdjsonAppender } from './ndjsonAppender.ts';

/**
 * One write the mocks accepted (docs/nic-mocks.md "Ledger"). `storedAt` is null when the write was
 * answered as accepted but never stored (the `not-stored` fault). `seq` is unique and increasing per process.
 */
export interface LedgerEntry {
  seq: number;
  service: ServiceName;
  entity: string;
  id: string;
  idempotencyKey: string | null;
  clientRef: string | null;
  clientId: string;
  businessKey: string;
  acceptedAt: number;
  storedAt: number | null;
}

export type LedgerInput = Omit<LedgerEntry, 'seq'>;

/** The append-only ledger of one mocks process: kept in memory for `GET /__admin/ledger`, and appended to disk. */
export class Ledger {
  readonly entries: LedgerEntry[] = [];
  private seq = 0;
  constructor(private readonly appender: NdjsonAppender) {}

  record(input: LedgerInput): LedgerEntry {
    const entry: LedgerEntry = { seq: ++this.seq, ...input };
    this.entries.push(entry);
    this.appender.append(entry);
    return entry;
  }

  close(): Promise<void> {
    return this.appender.close();
  }
}
