/** Per-client counts of Retry-After answers and whether the client waited before coming back. */
export interface ClientRetryStats {
  clientId: string;
  requests: number;
  retryAfterGiven: number;
  honoured: number;
  ignored: number;
}

/**
 * Remembers, per client and service, the Retry-After it was last given; the client's next request says
 * whether it waited (honoured) or came back early (ignored).
 */
export class RetryAfterTracker {
  private readonly until = new Map<string, number>();
  private readonly stats = new Map<string, ClientRetryStats>();

  /** Called on every request; returns whether a pending Retry-After was honoured, or null when none was pending. */
  observe(clientId: string, service: string, now: number): boolean | null {
    const stats = this.statsOf(clientId);
    stats.requests++;
    const key = `${service} ${clientId}`;
    const until = this.until.get(key);
    if (until === undefined) return null;
    this.until.delete(key);
    const honoured = now >= until;
    if (honoured) stats.honoured++;
    else stats.ignored++;
    return honoured;
  }

  /** Called when an answer carries Retry-After (seconds). */
  given(clientId: string, service: string, retryAfterSec: number, now: number): void {
    this.statsOf(clientId).retryAfterGiven++;
    this.until.set(`${service} ${clientId}`, now + retryAfterSec * 1000);
  }

  list(): ClientRetryStats[] {
    return [...this.stats.values()];
  }

  private statsOf(clientId: string): ClientRetryStats {
    let stats = this.stats.get(clientId);
    if (!stats) {
      stats = { clientId, requests: 0, retryAfterGiven: 0, honoured: 0, ignored: 0 };
      this.stats.set(clientId, stats);
    }
    return stats;
  }
}
