import type { GuardedResult } from './nicPolicies.ts';

/** How one drain call to a NIC service went, as the drain's limit reads it. */
export type DrainSignal =
  /** NIC took the write and answered within `slowMs`. */
  | 'fast'
  /** NIC took the write, but slowly: its queue is building (a portal answering at capacity). */
  | 'slow'
  /** NIC pushed back: 429 or 5xx, a Retry-After, or no answer within the attempt timeout. */
  | 'overload';

/**
 * How many drain writes one NIC service may have in flight, following its answers (additive increase,
 * multiplicative decrease, as TCP's congestion window): while answers come back fast the limit grows, by one
 * per answer until the first sign of trouble (slow start) and by about one per round of answers after it; a
 * slow answer shrinks it by a quarter and a push-back halves it. One round of answers is one signal: calls
 * sent before the last decrease cannot shrink the limit again, so a burst of failures of writes that were all
 * in flight together halves it once, not once per write.
 */
export class DrainLimit {
  private window: number;
  private threshold: number;
  /** Dispatches so far; a call remembers the count at its dispatch. */
  private dispatched = 0;
  /** `dispatched` at the last decrease: calls sent before it do not decrease again. */
  private decreasedAt = 0;

  constructor(private readonly bounds: { initial: number; min: number; max: number }) {
    this.window = bounds.initial;
    this.threshold = bounds.max;
  }

  /** Writes that may be in flight now (at least `min`). */
  get limit(): number {
    return Math.max(this.bounds.min, Math.floor(this.window));
  }

  /** Call when a write is sent; pass the ticket back to `answered`. */
  dispatch(): number {
    this.dispatched += 1;
    return this.dispatched;
  }

  /** What the answer to the write sent with `ticket` said about NIC. */
  answered(ticket: number, signal: DrainSignal): void {
    if (signal === 'fast') {
      this.window = Math.min(this.bounds.max, this.window + (this.window < this.threshold ? 1 : 1 / this.window));
      return;
    }
    if (ticket <= this.decreasedAt) return;
    this.window = Math.max(this.bounds.min, this.window * (signal === 'slow' ? 0.75 : 0.5));
    this.threshold = this.window;
    this.decreasedAt = this.dispatched;
  }
}

/**
 * The signal one drain call gives its service's limit: an answer (even a 4xx rejection: NIC is there) is fast
 * or slow by its wall time; a failure is a push-back; a call the open circuit never let out says nothing.
 */
export function drainSignal(args: { result: GuardedResult; ms: number; slowMs: number }): DrainSignal | undefined {
  if (args.result.kind === 'open') return undefined;
  if (args.result.kind === 'failed') return 'overload';
  return args.ms > args.slowMs ? 'slow' : 'fast';
}
