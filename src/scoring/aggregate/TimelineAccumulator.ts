import { LatencyHistogram } from '../latencyHistogram.ts';

/**
 * Per-bucket counts over the whole run (wall instants), for the timeline chart, Q(t), time to detect and time to
 * recover. Buckets are either one wall size (a one-speed clock, where that is one simulated size too) or given by
 * their wall edges: on a segmented clock every bucket is one simulated length, so its wall length changes with
 * the segment's speed (`timelineBuckets` in scoring/clock/incidentClock.ts).
 */
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

  /** Wall edges of the buckets (size + 1, increasing), when they are not one wall size. */
  private readonly edges: Float64Array | undefined;
  private readonly uniformMs: number;
  /** The bucket bucketOf found last: rows come mostly in time order, so the next one is often in it. */
  private lastFound = 0;

  /**
   * @param buckets one wall size in ms, or the wall edges of every bucket (the first at or before `start`, the
   *   last at or after `end`, increasing).
   */
  constructor(readonly start: number, readonly end: number, buckets: number | Float64Array) {
    if (typeof buckets === 'number') {
      this.uniformMs = buckets;
      this.edges = undefined;
      this.size = Math.max(1, Math.ceil((end - start) / buckets));
    } else {
      if (buckets.length < 2) throw new Error(`TimelineAccumulator: a bucket needs two edges, got ${buckets.length}`);
      this.uniformMs = 0;
      this.edges = buckets;
      this.size = buckets.length - 1;
    }
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
    if (!this.edges) return Math.min(this.size - 1, Math.floor((t - this.start) / this.uniformMs));
    return (this.lastFound = this.edgeIndexOf(this.edges, t));
  }

  /** The last bucket whose start is at or before t (a binary search, from the bucket found last). */
  private edgeIndexOf(edges: Float64Array, t: number): number {
    const hint = this.lastFound;
    if ((edges[hint] ?? Infinity) <= t && t < (edges[hint + 1] ?? Infinity)) return hint;
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((edges[middle] ?? Infinity) <= t) low = middle;
      else high = middle - 1;
    }
    return low;
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
      const overlap = Math.min(end, this.bucketEnd(bucket)) - Math.max(start, this.bucketStart(bucket));
      if (overlap > 0) this.nicQueuedMs[bucket] = (this.nicQueuedMs[bucket] ?? 0) + overlap;
    }
  }

  /** The wall instant where bucket `index` starts. */
  bucketStart(index: number): number {
    return this.edges ? (this.edges[index] ?? this.end) : this.start + index * this.uniformMs;
  }

  /** Wall length of bucket `index` (its edges' difference; the one size when buckets are uniform). */
  bucketWallMs(index: number): number {
    return this.edges ? this.bucketEnd(index) - this.bucketStart(index) : this.uniformMs;
  }

  /** The wall instant where bucket `index` ends (the last bucket may end after the run). */
  bucketEnd(index: number): number {
    return this.edges ? (this.edges[index + 1] ?? this.end) : this.bucketStart(index) + this.uniformMs;
  }
}

/** One simulated minute: the resolution issue 13 asks of recovery (TTD and TTR to the simulated minute). */
const MINUTE_MS = 60_000;
/**
 * More buckets than this (a run of over 50 simulated hours) widen each to whole simulated minutes: O2, the
 * longest shipped scenario, spans two days' working hours (about 32 simulated hours) in one-minute buckets.
 */
const MAX_BUCKETS = 3000;

/**
 * Bucket size in SIMULATED ms: one simulated minute, widened to whole minutes only past 3,000 buckets. Sized on
 * the incident's clock, a bucket holds the same simulated traffic at any speed, so Q(t), TTD and TTR do not move
 * with `--speed` (docs/scoring.md "Incident time"). The timeline's wall bucket is this over the speed, segment by
 * segment on a segmented clock.
 */
export function chooseBucketSimMs(durationSimMs: number): number {
  return Math.max(1, Math.ceil(durationSimMs / MAX_BUCKETS / MINUTE_MS)) * MINUTE_MS;
}
