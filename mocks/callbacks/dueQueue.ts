/**
 * Items that fall due at a time (ms since the epoch), run in due order (equal times in the order they were
 * added) from one timer. Callbacks and in-process events are scheduled thousands of times a second with
 * mostly the same delay: one timer per item cost a `Timeout` object and a closure kept alive for the delay
 * each, and every item that lives past a young-generation GC is promoted; here an item is one array slot.
 */
export class DueQueue<T> {
  private items: Array<{ at: number; item: T }> = [];
  private head = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;

  /** `run` gets each item once it is due. */
  constructor(private readonly run: (item: T) => void) {}

  get size(): number {
    return this.items.length - this.head;
  }

  add(at: number, item: T): void {
    // Most items are added in due order (same delay): find the slot from the end.
    let index = this.items.length;
    while (index > this.head && this.items[index - 1]!.at > at) index--;
    if (index === this.items.length) this.items.push({ at, item });
    else this.items.splice(index, 0, { at, item });
    if (at < this.timerAt) this.arm(at);
  }

  /** Forgets every item not yet run and stops the timer. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
    this.items = [];
    this.head = 0;
  }

  private arm(at: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.drain(), Math.max(0, at - Date.now()));
  }

  private drain(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = Date.now();
    while (this.head < this.items.length && this.items[this.head]!.at <= now) {
      const { item } = this.items[this.head]!;
      this.items[this.head++] = undefined as never; // let it be collected now
      this.run(item);
    }
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    if (this.head < this.items.length && this.timer === undefined) this.arm(this.items[this.head]!.at);
  }
}
