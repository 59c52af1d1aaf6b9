import { oneSpeedTimes, type ServiceTimes } from '../clock/serviceTimes.ts';
import type { CapacityConfig } from '../config.ts';

export type Admission = { admitted: true; queuedMs: number; release: () => void } | { admitted: false; retryAfterSec: number };

/**
 * Capacity of one service: at most `ratePerSec` starts per second (requests are spaced 1/rate apart) and
 * `concurrency` in service at once. Requests above either wait in a FIFO queue, so latency grows; once
 * `queueLimit` are waiting, new ones are refused (the caller answers 503 with Retry-After). On a segmented
 * clock the rate is the one of the moment and Retry-After the wall seconds of its simulated length from now
 * (`times`, mocks/clock/serviceTimes.ts); one-speed, both as configured.
 */
export class CapacityGate {
  private inService = 0;
  private waiting = 0;
  private nextStartAt = 0;
  private readonly slotWaiters: Array<() => void> = [];

  constructor(
    private readonly config: CapacityConfig,
    private readonly times: ServiceTimes = oneSpeedTimes,
  ) {}

  get queueLength(): number {
    return this.waiting;
  }

  async admit(now = Date.now()): Promise<Admission> {
    const { ratePerSec, concurrency, queueLimit } = this.config;
    const rateWaitMs = ratePerSec ? Math.max(0, this.nextStartAt - now) : 0;
    const mustWaitForSlot = concurrency !== undefined && (this.inService >= concurrency || this.slotWaiters.length > 0);
    // Retry-After is whole seconds on the wire: never below one.
    if ((rateWaitMs > 0 || mustWaitForSlot) && this.waiting >= queueLimit) return { admitted: false, retryAfterSec: Math.max(1, Math.round(this.times.delaySec(this.config.retryAfterSec, now))) };
    if (ratePerSec) this.nextStartAt = Math.max(now, this.nextStartAt) + 1000 / this.times.ratePerSec(ratePerSec, now);
    if (rateWaitMs === 0 && !mustWaitForSlot) {
      this.inService++;
      return { admitted: true, queuedMs: 0, release: () => this.release() };
    }
    this.waiting++;
    try {
      if (rateWaitMs > 0) await new Promise((resolve) => setTimeout(resolve, rateWaitMs).unref());
      if (concurrency !== undefined && this.inService >= concurrency) await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
    } finally {
      this.waiting--;
    }
    this.inService++;
    return { admitted: true, queuedMs: Date.now() - now, release: () => this.release() };
  }

  private release(): void {
    this.inService--;
    const next = this.slotWaiters.shift();
    if (next) next();
  }
}
