/**
 * How one NIC route (the call of one journey step) is doing, as a lane sees it. Kept per route, not per
 * service, so that a portal refusing consignments still gets its SRFs (outages.md O13).
 *
 * - Health: the route turns unhealthy after `tripAfter` failures in a row (one refusal among answers is NIC
 *   at its capacity, not NIC away); unhealthy, it sends one probe at a time, after a backoff that doubles from
 *   `probeInitialMs` to `probeMaxMs` (with jitter) or after NIC's Retry-After, until NIC answers.
 * - Pace: the share of the lane's send rate this route may use, halved at each failure while healthy and raised by
 *   `paceStep` at each answer (additive increase, multiplicative decrease), so sends settle at what NIC
 *   takes instead of overrunning its queue and drawing 503s.
 */
export class RouteHealth {
  healthy = true;
  /** Share of the lane's send rate this route uses now, `minPace` to 1: a send costs 1 / pace tokens. */
  pace = 1;
  private failuresInRow = 0;
  private backoffMs = 0;
  private nextProbeAt = 0;

  constructor(private readonly settings: { probeInitialMs: number; probeMaxMs: number; tripAfter: number; paceStep: number; minPace: number }) {}

  /** Whether a send may go now: always while healthy, else one probe when it is due. */
  mayTry(now: number): boolean {
    return this.healthy || now >= this.nextProbeAt;
  }

  /** A probe is on its way: no other until it has failed or succeeded. */
  probing(): void {
    if (!this.healthy) this.nextProbeAt = Number.POSITIVE_INFINITY;
  }

  /** NIC answered; true when the route was unhealthy until now. */
  answered(): boolean {
    const changed = !this.healthy;
    this.healthy = true;
    this.failuresInRow = 0;
    this.backoffMs = 0;
    this.pace = Math.min(1, this.pace + this.settings.paceStep);
    return changed;
  }

  /** A send failed; true when this failure made the route unhealthy. */
  failed(retryAfterMs: number | undefined, now: number): boolean {
    this.failuresInRow += 1;
    // A failed probe says NIC is still away, not how fast it can take writes: the pace stays.
    if (this.healthy) this.pace = Math.max(this.settings.minPace, this.pace / 2);
    if (this.healthy && this.failuresInRow < this.settings.tripAfter) return false;
    const changed = this.healthy;
    this.healthy = false;
    this.backoffMs = Math.min(this.settings.probeMaxMs, this.backoffMs === 0 ? this.settings.probeInitialMs : this.backoffMs * 2);
    this.nextProbeAt = now + Math.max(this.backoffMs * (0.5 + Math.random() / 2), retryAfterMs ?? 0);
    return changed;
  }
}
