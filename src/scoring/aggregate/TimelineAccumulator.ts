import { LatencyHistogram } from '../latencyHistogram.ts';

/** Per-bucket counts over the whole run (wall instants, wall bucket size), for the timeline chart, Q(t), time to detect and time to recover. */
export class TimelineAccumulator {
  readonly size: number;
  readonly requests: Float64Array;
  readonly successes: Float64Array;
  readonly withinSlo: Float64Array;
  readonly dropped: Float64Array;
  /** Journeys (k6 iterations) started, by their start: with `dropped`, the arrivals. */
  readonly started: Float64Array;
  readonly upstream: Float64Array;
  /** Wall ms that requests spent waiting in the NIC mocks' capacity queues, per bucket (upstream.ndjson `queuedMs`). */
  readonly nicQueuedMs: Float64Array;
  readonly latency: LatencyHistogram[];

  constructor(readonly start: number, readonly end: number, readonly bucketMs: number) {
    this.size = Math.max(1, Math.ceil((end - start) / bucketMs));
    this.requests = new Float64Array(this.size);
    this.successes = new Float64Array(this.size);
    this.withinSlo = new Float64Array(this.size);
    this.dropped = new Float64Array(this.size);
    this.started = new Float64Array(this.size);
    this.upstream = new Float64Array(this.size);
    this.nicQueuedMs = new Float64Array(this.size);
    this.latency = Array.from({ length: this.size }, () => new LatencyHistogram());
  }

  /** The bucket of time t, or -1 outside the run. */
  bucketOf(t: number): number {
    if (t < this.start || t >= this.end) return -1;
    return Math.min(this.size - 1, Math.floor((t - this.start) / this.bucketMs));
  }

  /**
   * A request counted as a success turned out to be an answer outside the client contract (its outcome comes
   * after it): take it back out of the bucket, never below zero.
   */
  uncountSuccess(bucket: number): void {
    if (bucket === -1) return;
    this.successes[bucket] = Math.max(0, (this.successes[bucket] ?? 0) - 1);
    this.withinSlo[bucket] = Math.max(0, (this.withinSlo[bucket] ?? 0) - 1);
  }

  /** Adds the time a request waited in a NIC queue, from `from` to `to`, to the buckets it spans (clipped to the run). */
  addNicWait(from: number, to: number): void {
    const start = Math.max(from, this.start);
    const end = Math.min(to, this.end);
    for (let bucket = this.bucketOf(start); bucket !== -1 && bucket < this.size && this.bucketStart(bucket) < end; bucket += 1) {
      const overlap = Math.min(end, this.bucketStart(bucket) + this.bucketMs) - Math.max(start, this.bucketStart(bucket));
      if (overlap > 0) this.nicQueuedMs[bucket] = (this.nicQueuedMs[bucket] ?? 0) + overlap;
    }
  }

  bucketStart(index: number): number {
    return this.start + index * this.bucketMs;
  }
}

/** One simulated minute: the resolution issue 13 asks of recovery (TTD and TTR to the simulated minute). */
const MINUTE_MS = 60_000;
/** More buckets than this (a run of over 25 simulated hours) widen each to whole simulated minutes. */
const MAX_BUCKETS = 1500;

/**
 * Bucket size in SIMULATED ms: one simulated minute, widened to whole minutes only past 1,500 buckets. Sized on
 * the incident's clock, a bucket holds the same simulated traffic at any speed, so Q(t), TTD and TTR do not move
 * with `--speed` (docs/scoring.md "Incident time"). The timeline's wall bucket is this over the speed.
 */
export function chooseBucketSimMs(durationSimMs: number): number {
  return Math.max(1, Math.ceil(durationSimMs / MAX_BUCKETS / MINUTE_MS)) * MINUTE_MS;
}
