import { LatencyHistogram } from '../latencyHistogram.ts';

/** Per-bucket counts over the whole run, for the timeline chart, Q(t), time to detect and time to recover. */
export class TimelineAccumulator {
  readonly size: number;
  readonly requests: Float64Array;
  readonly successes: Float64Array;
  readonly withinSlo: Float64Array;
  readonly dropped: Float64Array;
  readonly upstream: Float64Array;
  readonly latency: LatencyHistogram[];

  constructor(readonly start: number, readonly end: number, readonly bucketMs: number) {
    this.size = Math.max(1, Math.ceil((end - start) / bucketMs));
    this.requests = new Float64Array(this.size);
    this.successes = new Float64Array(this.size);
    this.withinSlo = new Float64Array(this.size);
    this.dropped = new Float64Array(this.size);
    this.upstream = new Float64Array(this.size);
    this.latency = Array.from({ length: this.size }, () => new LatencyHistogram());
  }

  /** The bucket of time t, or -1 outside the run. */
  bucketOf(t: number): number {
    if (t < this.start || t >= this.end) return -1;
    return Math.min(this.size - 1, Math.floor((t - this.start) / this.bucketMs));
  }

  bucketStart(index: number): number {
    return this.start + index * this.bucketMs;
  }
}

/** At most about 600 buckets of at least one second: fine enough for charts, small enough for any run length. */
export function chooseBucketMs(durationMs: number): number {
  return Math.max(1000, Math.ceil(durationMs / 600 / 1000) * 1000);
}
