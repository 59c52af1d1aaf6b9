/**
 * A fixed-memory latency histogram with log-spaced bins (about 1% relative error), so percentiles over
 * millions of samples cost a few kilobytes: bin i covers [MIN * GROWTH^i, MIN * GROWTH^(i+1)).
 */
const MIN_MS = 0.01;
const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);
/** Bins up to ~1 hour: ln(3.6e6 / 0.01) / ln(1.02). */
export const HISTOGRAM_BINS = Math.ceil(Math.log(3_600_000 / MIN_MS) / LOG_GROWTH) + 1;

export class LatencyHistogram {
  readonly counts = new Uint32Array(HISTOGRAM_BINS);
  count = 0;
  private max = 0;

  add(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    const bin = ms <= MIN_MS ? 0 : Math.min(HISTOGRAM_BINS - 1, Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH));
    this.counts[bin] = (this.counts[bin] ?? 0) + 1;
    this.count += 1;
    if (ms > this.max) this.max = ms;
  }

  /** The q-quantile (0..1) as the geometric middle of its bin, capped at the largest value seen; null when empty. */
  quantile(q: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let bin = 0; bin < HISTOGRAM_BINS; bin += 1) {
      seen += this.counts[bin] ?? 0;
      if (seen >= rank) return Math.min(this.max, MIN_MS * GROWTH ** (bin + 0.5));
    }
    return this.max;
  }
}
