import { LatencyHistogram } from '../latencyHistogram.ts';
import type { PhaseWindow } from '../phases/buildPhaseWindows.ts';

/** Running totals of one phase while k6.csv streams by. */
export class PhaseAccumulator {
  readonly latency = new LatencyHistogram();
  readonly failedLatency = new LatencyHistogram();
  requests = 0;
  successes = 0;
  withinSlo = 0;
  dropped = 0;
  done = 0;
  queued = 0;
  failed = 0;
  /** Answers outside the contract: their requests were HTTP successes, but no clerk can use them. */
  invalid = 0;
  /** The client's answers per journey step (`thap_outcome` tag `step`): one desk may stop while others work. */
  readonly steps = new Map<string, { done: number; queued: number; failed: number }>();
  /** With client regions (k6 tag `region`): requests and answers per region. Empty without regions. */
  readonly regions = new Map<string, { requests: number; successes: number; done: number; queued: number; failed: number }>();
  /** First and last request start seen, to measure rates over the time load actually ran. */
  firstAt = Infinity;
  lastAt = -Infinity;

  constructor(readonly window: PhaseWindow) {}

  addOutcome(step: string | undefined, answer: string | undefined, region?: string): void {
    // An answer outside the contract is a failure to the clerk at the counter.
    const outcome = answer === 'invalid' ? 'failed' : answer;
    if (answer === 'invalid') this.invalid += 1;
    if (outcome !== 'done' && outcome !== 'queued' && outcome !== 'failed') return;
    this[outcome] += 1;
    if (region !== undefined) this.regionOf(region)[outcome] += 1;
    if (step === undefined) return;
    const counts = this.steps.get(step) ?? { done: 0, queued: 0, failed: 0 };
    counts[outcome] += 1;
    this.steps.set(step, counts);
  }

  contains(t: number): boolean {
    return t >= this.window.start && t < this.window.end;
  }

  addRequest({ at, durationMs, ok, withinSlo, region }: { at: number; durationMs: number; ok: boolean; withinSlo: boolean; region?: string }): void {
    this.requests += 1;
    if (region !== undefined) {
      const counts = this.regionOf(region);
      counts.requests += 1;
      if (ok) counts.successes += 1;
    }
    this.latency.add(durationMs);
    if (ok) {
      this.successes += 1;
      if (withinSlo) this.withinSlo += 1;
    } else this.failedLatency.add(durationMs);
    if (at < this.firstAt) this.firstAt = at;
    if (at > this.lastAt) this.lastAt = at;
  }

  private regionOf(region: string): { requests: number; successes: number; done: number; queued: number; failed: number } {
    let counts = this.regions.get(region);
    if (!counts) {
      counts = { requests: 0, successes: 0, done: 0, queued: 0, failed: 0 };
      this.regions.set(region, counts);
    }
    return counts;
  }
}
