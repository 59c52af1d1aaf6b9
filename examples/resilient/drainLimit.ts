import type { GuardedResult } from './nicPolicies.ts';

/** How one drain call to a NIC service went, as the drain's limit reads it. */
export type DrainSignal =
  /** NIC took the write and answered within `slowMs`. */
  | 'fast'
  /** NIC took the write, but slowly: its queue is building (a portal answering at capacity). */
  | 'slow'
  /** NIC pushed back: 429 or 5xx, a Retry-After, or no answer within the attempt timeout. */
  | 'overload';

/** Where the limit starts, its bounds, and the share of a round's answers that may be trouble before it shrinks. */
export interface DrainLimitBounds {
  initial: number;
  min: number;
  max: number;
  /**
   * A round whose push-backs (or slow answers) stay at or under this share of its size is not a sign of
   * overload: a NIC that drops a few calls at random (outages.md O1: "10% 503 for 30 min" after the data
   * centre comes back) is not a NIC whose queue is full. 0 shrinks the limit at the first trouble in a round.
   */
  toleratedShare: number;
  /**
   * A round is judged over at least this many answers: with two writes in flight, one 503 would be half a
   * round, and a NIC dropping a tenth of its calls at random would hold the limit near its minimum.
   */
  minRound: number;
}

/**
 * How many drain writes one NIC service may have in flight, following its answers (additive increase,
 * multiplicative decrease, as TCP's congestion window): while answers come back fast the limit grows, by one
 * per answer until the first sign of trouble (slow start) and by about one per round of answers after it.
 * A round is as many answers as the limit was when it began (at least `minRound`); once more of them than `toleratedShare` were
 * push-backs the limit halves, and once more were slow (or push-backs) it shrinks by a quarter, at once, not at
 * the round's end. A decrease starts a new round, and calls sent before it cannot shrink the limit again, so a
 * burst of failures of writes that were all in flight together halves it once, not once per write.
 */
export class DrainLimit {
  private window: number;
  private threshold: number;
  /** Dispatches so far; a call remembers the count at its dispatch. */
  private dispatched = 0;
  /** `dispatched` at the last decrease: calls sent before it do not decrease again. */
  private decreasedAt = 0;
  private round = { size: 0, answers: 0, troubled: 0, pushedBack: 0 };

  constructor(private readonly bounds: DrainLimitBounds) {
    this.window = bounds.initial;
    this.threshold = bounds.max;
    this.startRound();
  }

  /** Writes that may be in flight now (at least `min`). */
  get limit(): number {
    return Math.max(this.bounds.min, Math.floor(this.window));
  }

  /**
   * NIC is back after an outage (its circuit closed): the limit the outage's failures shrank to says nothing
   * about the NIC that answers now, so it starts again from `initial` in slow start, as TCP does after a
   * retransmission timeout, and finds NIC's capacity in a few rounds instead of creeping up by one a round.
   */
  restart(): void {
    this.window = this.bounds.initial;
    this.threshold = this.bounds.max;
    this.decreasedAt = this.dispatched;
    this.startRound();
  }

  /** Call when a write is sent; pass the ticket back to `answered`. */
  dispatch(): number {
    this.dispatched += 1;
    return this.dispatched;
  }

  /** What the answer to the write sent with `ticket` said about NIC. */
  answered(ticket: number, signal: DrainSignal): void {
    if (signal === 'fast') this.window = Math.min(this.bounds.max, this.window + (this.window < this.threshold ? 1 : 1 / this.window));
    if (ticket <= this.decreasedAt) return;
    const round = this.round;
    round.answers += 1;
    if (signal !== 'fast') round.troubled += 1;
    if (signal === 'overload') round.pushedBack += 1;
    const tolerated = this.bounds.toleratedShare * round.size;
    if (round.pushedBack > tolerated) this.decrease(0.5);
    else if (round.troubled > tolerated) this.decrease(0.75);
    else if (round.answers >= round.size) this.startRound();
  }

  private decrease(factor: number): void {
    this.window = Math.max(this.bounds.min, this.window * factor);
    this.threshold = this.window;
    this.decreasedAt = this.dispatched;
    this.startRound();
  }

  private startRound(): void {
    this.round = { size: Math.max(this.bounds.minRound, this.limit), answers: 0, troubled: 0, pushedBack: 0 };
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
