import type { OutboxStatus } from '../../src/contract/outbox.ts';
import { DurableLog } from '../resilient/durableLog.ts';
import { ProvisionalIds, type RefResolution } from '../shared/provisionalIds.ts';

/** What the journal file holds, one JSON line each, in the order things happened. */
export type JournalRecord =
  | { type: 'accepted'; seq: number; correlationId: string; step: string; body: unknown; params: Record<string, string>; provides: readonly string[]; at: number }
  | { type: 'delivered'; correlationId: string; nic: Record<string, unknown>; at: number }
  | { type: 'given-up'; correlationId: string; reason: string; at: number };

export interface JournalEntry {
  correlationId: string;
  step: string;
  seq: number;
  body: unknown;
  params: Record<string, string>;
  state: 'pending' | 'delivered' | 'given-up';
  /** The client's stand-ins for NIC's ids (`JN-000042-uhid`), until NIC's are known. */
  provisionalId: string;
  provisional: Record<string, string>;
  nic?: Record<string, unknown>;
  reason?: string;
  acceptedAt: number;
  deliveredAt?: number;
}


/**
 * The write-ahead journal: every write the counters offer is on it before NIC hears of it, and is replayed
 * as pending when the client restarts. It issues provisional ids, maps them to NIC's once a write is
 * delivered, and lets a request wait a little for its own write to be delivered.
 */
export class Journal {
  private readonly entries = new Map<string, JournalEntry>();
  private readonly provisionals = new ProvisionalIds((correlationId) => {
    const entry = this.entries.get(correlationId);
    if (!entry) return undefined;
    return { state: entry.state === 'delivered' ? 'at-nic' : entry.state, provisional: entry.provisional, ...(entry.nic ? { nic: entry.nic } : {}) };
  });
  private readonly waiters = new Map<string, Array<(entry: JournalEntry) => void>>();
  /** Each id NIC issued in a delivered write's answer, to that write's correlation id. */
  private readonly byNicId = new Map<string, string>();
  private seq = 0;

  private constructor(private readonly log: DurableLog<JournalRecord>) {}

  static async open(file: string): Promise<Journal> {
    const { log, records } = await DurableLog.open<JournalRecord>(file);
    const journal = new Journal(log);
    for (const record of records) journal.apply(record);
    return journal;
  }

  get(correlationId: string): JournalEntry | undefined {
    return this.entries.get(correlationId);
  }

  /** Pending writes in the order they were accepted (what a restarted client must still deliver). */
  pending(): JournalEntry[] {
    return [...this.entries.values()].filter((entry) => entry.state === 'pending').sort((a, b) => a.seq - b.seq);
  }

  /** Puts a write on the journal; `durable` resolves once its line is on disk. */
  accept(args: { correlationId: string; step: string; body: unknown; params: Record<string, string>; provides: readonly string[] }): { entry: JournalEntry; durable: Promise<void> } {
    const record: JournalRecord = { type: 'accepted', seq: ++this.seq, correlationId: args.correlationId, step: args.step, body: args.body, params: args.params, provides: args.provides, at: Date.now() };
    const durable = this.log.append(record);
    this.apply(record);
    return { entry: this.entries.get(args.correlationId) as JournalEntry, durable };
  }

  delivered(args: { correlationId: string; nic: Record<string, unknown> }): void {
    this.record({ type: 'delivered', ...args, at: Date.now() });
  }

  givenUp(args: { correlationId: string; reason: string }): void {
    this.record({ type: 'given-up', ...args, at: Date.now() });
  }

  /** The entry once it is delivered or given up, or undefined when `ms` pass first. */
  whenSettled(correlationId: string, ms: number): Promise<JournalEntry | undefined> {
    const entry = this.entries.get(correlationId);
    if (!entry || entry.state !== 'pending') return Promise.resolve(entry);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), ms);
      const list = this.waiters.get(correlationId) ?? [];
      list.push((settled) => {
        clearTimeout(timer);
        resolve(settled);
      });
      this.waiters.set(correlationId, list);
    });
  }

  resolve(value: string): RefResolution {
    return this.provisionals.resolve(value);
  }

  /** The provisional ids of the write that issued `value` (e.g. a registration's provisional token). */
  provisionalOf(value: string): Record<string, string> | undefined {
    return this.provisionals.provisionalOf(value);
  }

  /**
   * NIC's answer to the delivered write that NIC gave `value` (e.g. the registration that issued a visit id):
   * the journal's own record of what NIC said, for a read NIC cannot answer now.
   */
  nicAnswerFor(value: string): Record<string, unknown> | undefined {
    const correlationId = this.byNicId.get(value);
    return correlationId === undefined ? undefined : this.entries.get(correlationId)?.nic;
  }

  /** Drops a write from memory without a word (the flaw of examples/bad/dropsQueued.ts): it is no longer claimed. */
  forget(correlationId: string): void {
    this.entries.delete(correlationId);
  }

  /** What the client claims (GET /thap/outbox, docs/client-contract.md). */
  status(client: string): OutboxStatus {
    const states = { pending: 'pending', delivered: 'submitted', 'given-up': 'abandoned' } as const;
    const counts = { pending: 0, submitted: 0, abandoned: 0 };
    const entries: OutboxStatus['entries'] = [];
    for (const entry of this.entries.values()) {
      const state = states[entry.state];
      counts[state] += 1;
      entries.push({
        correlationId: entry.correlationId,
        step: entry.step as OutboxStatus['entries'][number]['step'],
        state,
        provisionalId: entry.provisionalId,
        ...(entry.nic ? { nic: entry.nic as Record<string, string | number> } : {}),
        attempts: entry.state === 'pending' ? 0 : 1,
        acceptedAt: entry.acceptedAt,
        ...(entry.deliveredAt !== undefined ? { submittedAt: entry.deliveredAt } : {}),
        ...(entry.reason !== undefined ? { lastError: entry.reason } : {}),
      });
    }
    return { client, at: Date.now(), counts, entries };
  }

  close(): Promise<void> {
    return this.log.close();
  }

  private record(record: Extract<JournalRecord, { type: 'delivered' | 'given-up' }>): void {
    // The answer never waits for this line: NIC has the write (or refused it); a crash before the line is
    // on disk replays the write, which NIC answers from its idempotency key.
    this.log.append(record).catch(() => undefined);
    this.apply(record);
    const entry = this.entries.get(record.correlationId);
    const waiting = this.waiters.get(record.correlationId);
    this.waiters.delete(record.correlationId);
    if (entry) for (const wake of waiting ?? []) wake(entry);
  }

  private apply(record: JournalRecord): void {
    if (record.type === 'accepted') {
      this.seq = Math.max(this.seq, record.seq);
      const provisionalId = `JN-${String(record.seq).padStart(6, '0')}`;
      const provisional = Object.fromEntries(record.provides.map((key) => [key, `${provisionalId}-${key}`]));
      this.entries.set(record.correlationId, { correlationId: record.correlationId, step: record.step, seq: record.seq, body: record.body, params: record.params, state: 'pending', provisionalId, provisional, acceptedAt: record.at });
      for (const [key, value] of Object.entries(provisional)) this.provisionals.add({ value, correlationId: record.correlationId, key });
      return;
    }
    const entry = this.entries.get(record.correlationId);
    if (!entry) return;
    if (record.type === 'delivered') {
      Object.assign(entry, { state: 'delivered', nic: record.nic, deliveredAt: record.at });
      for (const id of Object.values(record.nic)) if (typeof id === 'string') this.byNicId.set(id, record.correlationId);
    } else Object.assign(entry, { state: 'given-up', reason: record.reason });
  }
}
