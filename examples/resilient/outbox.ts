import type { OutboxStatus } from '../../src/contract/outbox.ts';
import { DurableLog } from './durableLog.ts';
import { ProvisionalIds, type RefResolution } from '../shared/provisionalIds.ts';
import type { OutboxRecord } from './outboxRecords.ts';

/** What the client knows about one write it answered for. */
export interface OutboxEntry {
  correlationId: string;
  step: string;
  state: 'pending' | 'submitted' | 'abandoned';
  body: unknown;
  params: Record<string, string>;
  provisionalId?: string;
  provisional?: Record<string, string>;
  nic?: Record<string, unknown>;
  attempts: number;
  acceptedAt: number;
  submittedAt?: number;
  lastError?: string;
  /** Wall ms before which the drain leaves it alone (memory only). */
  notBefore: number;
}

/** How a provisional id in a later request resolves. */

/**
 * The durable outbox: every write answered `queued` is on disk (fsync'd) before the answer goes out, and is
 * replayed as pending after a restart. It also issues provisional ids (unique across restarts, from the
 * persisted sequence) and maps them to NIC's ids once their write is submitted.
 */
export class Outbox {
  private readonly entries = new Map<string, OutboxEntry>();
  private readonly pendingIds = new Set<string>();
  /** Pending writes per step name, so the drain can tell without a scan whether any of a service's are queued. */
  private readonly pendingPerStep = new Map<string, number>();
  /** provisional value -> the write that issued it and the id name (`uhid`, `visitId`...). */
  private readonly provisionals = new ProvisionalIds((correlationId) => {
    const entry = this.entries.get(correlationId);
    if (!entry) return undefined;
    const state = entry.state === 'submitted' ? 'at-nic' : entry.state === 'abandoned' ? 'given-up' : 'pending';
    return { state, ...(entry.nic ? { nic: entry.nic } : {}), ...(entry.provisional ? { provisional: entry.provisional } : {}) };
  });
  private seq = 0;

  private constructor(private readonly log: DurableLog<OutboxRecord>) {}

  static async open(args: { file: string }): Promise<Outbox> {
    const { log, records } = await DurableLog.open<OutboxRecord>(args.file);
    const outbox = new Outbox(log);
    for (const record of records) outbox.apply(record);
    return outbox;
  }

  get file(): string {
    return this.log.file;
  }

  get(correlationId: string): OutboxEntry | undefined {
    return this.entries.get(correlationId);
  }

  get pendingCount(): number {
    return this.pendingIds.size;
  }

  /** The steps that have pending writes. */
  pendingSteps(): IterableIterator<string> {
    return this.pendingPerStep.keys();
  }

  /** Pending writes in the order they were accepted. */
  *pending(): Generator<OutboxEntry> {
    for (const id of this.pendingIds) {
      const entry = this.entries.get(id);
      if (entry) yield entry;
    }
  }

  /** Accepts a write for later: issues its provisional ids and resolves once the record is on disk. */
  async accept(args: { correlationId: string; step: string; body: unknown; params: Record<string, string>; provides: readonly string[] }): Promise<OutboxEntry> {
    // Taken before the disk write: two writes accepted at once must never share a number (and so a
    // provisional id, which would send one sample's SRF in another's consignment).
    const seq = ++this.seq;
    const stem = `RZ-${String(seq).padStart(6, '0')}`;
    const provisional = Object.fromEntries(args.provides.map((key) => [key, `${stem}-${key}`]));
    const record: OutboxRecord = { type: 'accepted', seq, correlationId: args.correlationId, step: args.step, body: args.body, params: args.params, provisionalId: stem, provisional, at: Date.now() };
    await this.log.append(record);
    this.apply(record);
    return this.entries.get(args.correlationId) as OutboxEntry;
  }

  async submitted(args: { correlationId: string; nic: Record<string, unknown>; attempts: number }): Promise<void> {
    const record: OutboxRecord = { type: 'submitted', ...args, at: Date.now() };
    await this.log.append(record);
    this.apply(record);
  }

  async abandon(args: { correlationId: string; reason: string }): Promise<void> {
    const record: OutboxRecord = { type: 'abandoned', ...args, at: Date.now() };
    await this.log.append(record);
    this.apply(record);
  }

  /** Records a write done at once; the answer does not wait for the disk (it needs no replay). */
  noteDone(args: { correlationId: string; step: string; nic: Record<string, unknown>; attempts: number }): void {
    const record: OutboxRecord = { type: 'done', ...args, at: Date.now() };
    this.apply(record);
    this.log.append(record).catch(() => undefined);
  }

  /** A failed drain attempt: counted, with the next attempt not before `notBefore`. */
  noteFailure(args: { correlationId: string; reason: string; notBefore: number }): void {
    const entry = this.entries.get(args.correlationId);
    if (!entry) return;
    entry.attempts += 1;
    entry.lastError = args.reason;
    entry.notBefore = args.notBefore;
  }

  /** NIC's id for a value a request carries: itself when it is not one of ours, else its write's state. */
  resolve(value: string): RefResolution {
    return this.provisionals.resolve(value);
  }

  /** The provisional ids of the write that issued `value` (e.g. a registration's provisional token). */
  provisionalOf(value: string): Record<string, string> | undefined {
    return this.provisionals.provisionalOf(value);
  }

  /** What the client claims (GET /thap/outbox). */
  status(client: string): OutboxStatus {
    const counts = { pending: 0, submitted: 0, abandoned: 0 };
    const entries: OutboxStatus['entries'] = [];
    for (const entry of this.entries.values()) {
      counts[entry.state] += 1;
      entries.push({
        correlationId: entry.correlationId,
        step: entry.step as OutboxStatus['entries'][number]['step'],
        state: entry.state,
        ...(entry.provisionalId ? { provisionalId: entry.provisionalId } : {}),
        ...(entry.nic ? { nic: entry.nic as Record<string, string | number> } : {}),
        attempts: entry.attempts,
        acceptedAt: entry.acceptedAt,
        ...(entry.submittedAt !== undefined ? { submittedAt: entry.submittedAt } : {}),
        ...(entry.lastError !== undefined ? { lastError: entry.lastError } : {}),
      });
    }
    return { client, at: Date.now(), counts, entries };
  }

  close(): Promise<void> {
    return this.log.close();
  }

  private apply(record: OutboxRecord): void {
    switch (record.type) {
      case 'accepted': {
        this.seq = Math.max(this.seq, record.seq);
        this.entries.set(record.correlationId, {
          correlationId: record.correlationId,
          step: record.step,
          state: 'pending',
          body: record.body,
          params: record.params,
          provisionalId: record.provisionalId,
          provisional: record.provisional,
          attempts: 0,
          acceptedAt: record.at,
          notBefore: 0,
        });
        this.markPending(record.correlationId, record.step);
        for (const [key, value] of Object.entries(record.provisional)) this.provisionals.add({ value, correlationId: record.correlationId, key });
        this.provisionals.add({ value: record.provisionalId, correlationId: record.correlationId, key: Object.keys(record.provisional)[0] ?? '' });
        return;
      }
      case 'submitted': {
        const entry = this.entries.get(record.correlationId);
        if (!entry) return;
        Object.assign(entry, { state: 'submitted', nic: record.nic, attempts: Math.max(entry.attempts, record.attempts), submittedAt: record.at });
        this.unmarkPending(entry);
        return;
      }
      case 'done': {
        this.entries.set(record.correlationId, {
          correlationId: record.correlationId,
          step: record.step,
          state: 'submitted',
          body: undefined,
          params: {},
          nic: record.nic,
          attempts: record.attempts,
          acceptedAt: record.at,
          submittedAt: record.at,
          notBefore: 0,
        });
        return;
      }
      case 'abandoned': {
        const entry = this.entries.get(record.correlationId);
        if (!entry) return;
        Object.assign(entry, { state: 'abandoned', lastError: record.reason });
        this.unmarkPending(entry);
        return;
      }
    }
  }

  private markPending(correlationId: string, step: string): void {
    if (this.pendingIds.has(correlationId)) return;
    this.pendingIds.add(correlationId);
    this.pendingPerStep.set(step, (this.pendingPerStep.get(step) ?? 0) + 1);
  }

  private unmarkPending(entry: OutboxEntry): void {
    if (!this.pendingIds.delete(entry.correlationId)) return;
    const left = (this.pendingPerStep.get(entry.step) ?? 1) - 1;
    if (left > 0) this.pendingPerStep.set(entry.step, left);
    else this.pendingPerStep.delete(entry.step);
  }
}
