/**
 * How one NIC route (the call of one journey step) is doing, as a lane sees it. Kept per route, not per
 * service, so that a portal refusing consignments still gets its SRFs (outages.md O13).
 *
 * - Health: the route turns unhealthy after `tripAfter` failures in a row (a refusal now and then among answers
 *   is NIC busy, not NIC away); unhealthy, it sends one probe at a time, after a backoff that doubles from
 *   `probeInitialMs` to `probeMaxMs` (with jitter) or after NIC's Retry-After, until NIC answers.
 * - Pace: the share of the lane's send rate this route uses is the share of its last `paceWindow` sends that NIC
 *   answered (never below `minPace`). A gateway that fails 70% of calls gets 30% of the rate, so the journal
 *   spends few attempts while most would fail and speeds up as the answers come back, where halving at
 *   every failure would leave it crawling at its floor through a stampede (outages.md O6).
 */
export class RouteHealth {
  healthy = true;
  /** The outcome of the route's last sends made while healthy, oldest first (true: NIC answered). */
  private readonly recent: boolean[] = [];
  private failuresInRow = 0;
  private backoffMs = 0;
  private nextProbeAt = 0;

  constructor(private readonly settings: { probeInitialMs: number; probeMaxMs: number; tripAfter: number; paceWindow: number; minPace: number }) {}

  /** Share of the lane's send rate this route uses now, `minPace` to 1: a send costs 1 / pace tokens. */
  get pace(): number {
    if (this.recent.length === 0) return 1;
    const answered = this.recent.reduce((sum, ok) => sum + (ok ? 1 : 0), 0);
    return Math.max(this.settings.minPace, answered / this.recent.length);
  }

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
    this.remember(true);
    return changed;
  }

  /** A send failed; true when this failure made the route unhealthy. */
  failed(retryAfterMs: number | undefined, now: number): boolean {
    this.failuresInRow += 1;
    // A failed probe says NIC is still away, not what share of sends it answers: the pace stays.
    if (this.healthy) this.remember(false);
    if (this.healthy && this.failuresInRow < this.settings.tripAfter) return false;
    const changed = this.healthy;
    this.healthy = false;
    this.backoffMs = Math.min(this.settings.probeMaxMs, this.backoffMs === 0 ? this.settings.probeInitialMs : this.backoffMs * 2);
    this.nextProbeAt = now + Math.max(this.backoffMs * (0.5 + Math.random() / 2), retryAfterMs ?? 0);
    return changed;
  }

  private remember(answered: boolean): void {
    this.recent.push(answered);
    if (this.recent.length > this.settings.paceWindow) this.recent.shift();
  }
}
