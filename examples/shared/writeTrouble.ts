/**
 * Whether a NIC service's write path has been in trouble lately: a write that got no answer, a 408, or a 5xx
 * without Retry-After, within the last `holdMs` (wall ms). outages.md O4: the write path that times out and
 * answers 504 is the one that may also answer 200 for writes it never stores. A 429, a gateway's 403 or a 503
 * with Retry-After is NIC pacing the client (a portal at its capacity), not losing its writes: not trouble.
 */
export class WriteTrouble {
  private lastTroubleAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly holdMs: number) {}

  /** Notes one write attempt's answer (undefined when none came); true when it begins a spell of trouble. */
  noteAttempt(answer: { status: number; retryAfterMs?: number } | undefined, now = Date.now()): boolean {
    const trouble = answer === undefined || answer.status === 408 || (answer.status >= 500 && answer.retryAfterMs === undefined);
    if (!trouble) return false;
    const begins = !this.active(now);
    this.lastTroubleAt = now;
    return begins;
  }

  active(now = Date.now()): boolean {
    return now < this.lastTroubleAt + this.holdMs;
  }
}
