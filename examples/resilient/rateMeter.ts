/**
 * Counts events and answers "how many per wall second over the last `windowMs`". Before a full window has
 * passed it divides by the time actually observed (at least one second), so a young meter is not diluted.
 */
export class RateMeter {
  private readonly times: number[] = [];
  private head = 0;
  private readonly startedAt: number;
  private peak = 0;

  constructor(
    private readonly keepMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  record(count = 1): void {
    const t = this.now();
    for (let i = 0; i < count; i++) this.times.push(t);
    this.prune(t);
  }

  /** Events per second over the last `windowMs` (at most the meter's keep window). */
  rate(windowMs: number = this.keepMs): number {
    const now = this.now();
    this.prune(now);
    const window = Math.min(windowMs, this.keepMs);
    let count = 0;
    for (let i = this.times.length - 1; i >= this.head && (this.times[i] ?? 0) > now - window; i--) count++;
    const observed = Math.max(1000, Math.min(window, now - this.startedAt));
    return (count * 1000) / observed;
  }

  /**
   * The highest `rate(windowMs)` seen at any call so far, counting only windows the meter has fully observed
   * (a young meter's first second would otherwise set a burst as the peak). Stays after the events age out.
   */
  peakRate(windowMs: number = this.keepMs): number {
    const window = Math.min(windowMs, this.keepMs);
    if (this.now() - this.startedAt >= window) this.peak = Math.max(this.peak, this.rate(window));
    return this.peak;
  }

  private prune(now: number): void {
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= now - this.keepMs) this.head++;
    if (this.head > 4096 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
  }
}
