/**
 * The busiest demand a lane has been offered: writes per wall second in the busiest of back-to-back windows of
 * `windowMs`, the first starting at the first write. A window counts once it is over; the window under way
 * counts at its rate so far (over at least one second), so the first minutes of load are not paced at nothing.
 * The busiest window stays when the load stops: a journal drains its backlog at a multiple of the busiest demand
 * it carried (traffic.md T5), not of the trickle that arrives after the counters close.
 */
export class BusiestDemand {
  private windowStart: number | undefined;
  private inWindow = 0;
  private busiest = 0;

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** One write offered now. */
  record(): void {
    this.roll(this.now());
    this.inWindow += 1;
  }

  /** Writes per wall second in the busiest window so far (0 before the first write). */
  perSecond(): number {
    if (this.windowStart === undefined) return 0;
    const now = this.now();
    this.roll(now);
    const current = (this.inWindow * 1000) / Math.max(1000, now - this.windowStart);
    return Math.max(this.busiest, current);
  }

  /** Closes the windows that are over by `now` (a quiet stretch closes as empty windows). */
  private roll(now: number): void {
    if (this.windowStart === undefined) {
      this.windowStart = now;
      return;
    }
    if (now - this.windowStart < this.windowMs) return;
    this.busiest = Math.max(this.busiest, (this.inWindow * 1000) / this.windowMs);
    this.windowStart += Math.floor((now - this.windowStart) / this.windowMs) * this.windowMs;
    this.inWindow = 0;
  }
}
