/**
 * How one NIC route (the call of one journey step) is doing, as a lane sees it: healthy, or unhealthy with
 * the time of its next probe, after a backoff that doubles from `probeInitialMs` to `probeMaxMs` (with jitter)
 * or after NIC's Retry-After. Kept per route, not per service, so that a portal refusing consignments still
 * gets its SRFs (outages.md O13).
 */
export class RouteHealth {
  healthy = true;
  private backoffMs = 0;
  private nextProbeAt = 0;

  constructor(private readonly settings: { probeInitialMs: number; probeMaxMs: number }) {}

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
    this.backoffMs = 0;
    return changed;
  }

  /** A send failed; true when the route was healthy until now. */
  failed(retryAfterMs: number | undefined, now: number): boolean {
    const changed = this.healthy;
    this.healthy = false;
    this.backoffMs = Math.min(this.settings.probeMaxMs, this.backoffMs === 0 ? this.settings.probeInitialMs : this.backoffMs * 2);
    this.nextProbeAt = now + Math.max(this.backoffMs * (0.5 + Math.random() / 2), retryAfterMs ?? 0);
    return changed;
  }
}
