import { MAX_TIMER_MS } from '../../src/util/index.ts';

/**
 * Items that fall due at a time (ms since the epoch), run in due order (equal times in the order they were
 * added) from one timer. Callbacks and in-process events are scheduled thousands of times a second: one timer
 * per item cost a `Timeout` object and a closure kept alive for the delay each, and every item that lives
 * past a young-generation GC is promoted; here an item is one slot in each of three arrays.
 *
 * A binary min-heap on (due time, order added): O(log n) to add and to take. A sorted array filled from the
 * end was O(1) while every item had the same delay, but payment mixes two (webhook 50 ms, auto-pay 1 s):
 * each webhook was inserted in front of a second's worth of auto-pays, a scan and a splice of thousands of
 * slots per request (about 10% of the serving thread's CPU in a profile at 4,600 QR/s).
 */
export class DueQueue<T> {
  private ats: number[] = [];
  private seqs: number[] = [];
  private items: T[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;

  /** `run` gets each item once it is due. */
  constructor(private readonly run: (item: T) => void) {}

  get size(): number {
    return this.items.length;
  }

  add(at: number, item: T): void {
    let index = this.items.length;
    const seq = this.seq++;
    this.ats.push(at);
    this.seqs.push(seq);
    this.items.push(item);
    // Sift up: most items have the same delay as the one before, so this usually stops at once.
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.before(parent, at, seq)) break;
      this.move(parent, index);
      index = parent;
    }
    this.place(index, at, seq, item);
    if (at < this.timerAt) this.arm(at);
  }

  /** Forgets every item not yet run and stops the timer. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
    this.ats = [];
    this.seqs = [];
    this.items = [];
  }

  /** Whether the item at `index` runs before one due at `at` added as `seq`. */
  private before(index: number, at: number, seq: number): boolean {
    const other = this.ats[index]!;
    return other < at || (other === at && this.seqs[index]! < seq);
  }

  private move(from: number, to: number): void {
    this.ats[to] = this.ats[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.items[to] = this.items[from]!;
  }

  private place(index: number, at: number, seq: number, item: T): void {
    this.ats[index] = at;
    this.seqs[index] = seq;
    this.items[index] = item;
  }

  /** Removes and returns the first item (the heap is not empty). */
  private take(): T {
    const first = this.items[0]!;
    const last = this.items.length - 1;
    const at = this.ats[last]!;
    const seq = this.seqs[last]!;
    const item = this.items[last]!;
    this.ats.pop();
    this.seqs.pop();
    this.items.pop();
    if (last > 0) {
      // Sift the former last item down from the root.
      let index = 0;
      for (;;) {
        let child = 2 * index + 1;
        if (child >= last) break;
        if (child + 1 < last && this.before(child + 1, this.ats[child]!, this.seqs[child]!)) child++;
        if (!this.before(child, at, seq)) break;
        this.move(child, index);
        index = child;
      }
      this.place(index, at, seq, item);
    }
    return first;
  }

  private arm(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    // Clamped: a longer timer would fire after 1 ms; this one fires early and re-arms for what is left.
    this.timer = setTimeout(() => this.drain(), Math.min(MAX_TIMER_MS, Math.max(0, at - Date.now())));
  }

  private drain(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = Date.now();
    while (this.items.length > 0 && this.ats[0]! <= now) this.run(this.take());
    if (this.items.length > 0 && this.timer === undefined) this.arm(this.ats[0]!);
  }
}
