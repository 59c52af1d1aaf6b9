import type { ServiceName } from '../../src/contract/index.ts';
import { LineStore } from './lineStore.ts';
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

/**
 * The append-only ledger of one mocks process, appended to disk and kept in memory for `GET /__admin/ledger`.
 * The in-memory copy is the NDJSON text itself, held in Buffers outside the JS heap (`LineStore`): an entry
 * object per write would survive every young-generation collection and lengthen its pause (at 3,690
 * writes/s that was a large part of what each scavenge copied; docs/mocks-scaling.md "Tail latency").
 * `entries` parses it back, which only the admin API does.
 */
export class Ledger {
  private readonly lines = new LineStore();
  private seq = 0;
  constructor(private readonly appender: NdjsonAppender) {}

  /** Every entry so far, in order (parsed from the stored text: a fresh array on every read). */
  get entries(): LedgerEntry[] {
    return this.lines.readAll().map((line) => JSON.parse(line) as LedgerEntry);
  }

  get size(): number {
    return this.lines.count;
  }

  record(input: LedgerInput): LedgerEntry {
    // A literal with the fields in their documented order: one shape for every entry.
    const entry: LedgerEntry = {
      seq: ++this.seq,
      service: input.service,
      entity: input.entity,
      id: input.id,
      idempotencyKey: input.idempotencyKey,
      clientRef: input.clientRef,
      clientId: input.clientId,
      businessKey: input.businessKey,
      acceptedAt: input.acceptedAt,
      storedAt: input.storedAt,
    };
    const line = JSON.stringify(entry);
    this.lines.append(line);
    this.appender.appendLine(line);
    return entry;
  }

  close(): Promise<void> {
    return this.appender.close();
  }
}
