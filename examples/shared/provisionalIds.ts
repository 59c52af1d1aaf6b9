/** NIC's id for a value a request carries, or why it is not known yet (or never will be). */
export type RefResolution = { kind: 'real'; value: string } | { kind: 'waiting'; on: string } | { kind: 'dead'; reason: string };

/** Where the write that issued provisional ids stands, as a client's own store sees it. */
export interface IssuingWrite {
  state: 'pending' | 'at-nic' | 'given-up';
  /** NIC's ids, once the write is at NIC. */
  nic?: Record<string, unknown>;
  provisional?: Record<string, string>;
}

/**
 * The provisional ids a client issued while NIC was away, each tied to the write that issued it and the
 * NIC id it stands for (`uhid`, `srfId`...), so that a later request naming one can be held until that
 * write is at NIC and then sent with NIC's id. Shared by the resilient client's outbox and the journal.
 */
export class ProvisionalIds {
  private readonly issued = new Map<string, { correlationId: string; key: string }>();

  constructor(private readonly writeOf: (correlationId: string) => IssuingWrite | undefined) {}

  /** `value` stands for NIC's `key` of the write `correlationId`. */
  add(args: { value: string; correlationId: string; key: string }): void {
    this.issued.set(args.value, { correlationId: args.correlationId, key: args.key });
  }

  /** NIC's id for a value a request carries: itself when it is not one of ours, else its write's state. */
  resolve(value: string): RefResolution {
    const issued = this.issued.get(value);
    if (!issued) return { kind: 'real', value };
    const write = this.writeOf(issued.correlationId);
    if (!write || write.state === 'given-up') return { kind: 'dead', reason: `${value} belongs to ${issued.correlationId}, which was given up` };
    if (write.state === 'pending') return { kind: 'waiting', on: issued.correlationId };
    const real = write.nic?.[issued.key];
    if (typeof real !== 'string' && typeof real !== 'number') return { kind: 'dead', reason: `NIC did not return ${issued.key} for ${issued.correlationId}` };
    return { kind: 'real', value: String(real) };
  }

  /** The provisional ids of the write that issued `value` (e.g. a registration's provisional token). */
  provisionalOf(value: string): Record<string, string> | undefined {
    const issued = this.issued.get(value);
    return issued ? this.writeOf(issued.correlationId)?.provisional : undefined;
  }
}
