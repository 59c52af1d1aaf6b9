/**
 * Whether a NIC service's write path has been in trouble lately: a write NIC answered with a 5xx without
 * Retry-After or a 408, within the last `holdMs` (wall ms). outages.md O4: the write path that answers 504 is the
 * one that may also answer 200 for writes it never stores. Not trouble: a 429, a gateway's 403 or a 503 with
 * Retry-After (NIC pacing the client), nor a write that got no answer (NIC down, or queueing at its capacity:
 * read-backs then would take half the capacity its backlog needs, as they did on the demo).
 */
export class WriteTrouble {
  private lastTroubleAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly holdMs: number) {}

  /** Notes one write attempt's answer (undefined when none came); true when it begins a spell of trouble. */
  noteAttempt(answer: { status: number; retryAfterMs?: number } | undefined, now = Date.now()): boolean {
    const trouble = answer !== undefined && (answer.status === 408 || (answer.status >= 500 && answer.retryAfterMs === undefined));
    if (!trouble) return false;
    const begins = !this.active(now);
    this.lastTroubleAt = now;
    return begins;
  }

  active(now = Date.now()): boolean {
    return now < this.lastTroubleAt + this.holdMs;
  }
}
