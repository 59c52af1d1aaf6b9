/**
 * Whether a NIC service's write path has been in trouble lately: a write that timed out, got no answer or a
 * 5xx within the last `holdMs` (wall ms). outages.md O4: the write path that turns slow and answers 504 is the
 * one that may also answer 200 for writes it never stores, so a client reads its writes back while this holds.
 * A 429 or a gateway's 403 is NIC pacing the client, not losing its writes: not trouble.
 */
export class WriteTrouble {
  private lastTroubleAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly holdMs: number) {}

  /** Notes the outcome of one write attempt: its HTTP status, or undefined when no answer came. */
  noteAttempt(status: number | undefined, now = Date.now()): void {
    if (status === undefined || status >= 500 || status === 408) this.lastTroubleAt = now;
  }

  active(now = Date.now()): boolean {
    return now < this.lastTroubleAt + this.holdMs;
  }
}
