/** One k6 series' counts per timeline bucket. */
export interface SeriesBuckets {
  requests: Float64Array;
  /** Requests that took longer than the latency SLO. */
  overSlo: Float64Array;
  /** k6's dropped iterations of the series. */
  dropped: Float64Array;
}

/**
 * Per k6 series (its `scenario` tag: registration, lab, collection ...), per timeline bucket, the requests, those
 * over the SLO and the dropped iterations. Each series has VUs of its own (k6 sizes preAllocatedVUs and maxVUs
 * per scenario), so a client slow on one journey's steps holds that series' VUs only, while the run's latency as
 * a whole can look well: droppedWhileClientSlow judges each series by its own requests.
 */
export class SeriesLoadAccumulator {
  private readonly bySeries = new Map<string, SeriesBuckets>();

  constructor(readonly size: number) {}

  addRequest(series: string, bucket: number, withinSlo: boolean): void {
    const buckets = this.of(series);
    buckets.requests[bucket] = (buckets.requests[bucket] ?? 0) + 1;
    if (!withinSlo) buckets.overSlo[bucket] = (buckets.overSlo[bucket] ?? 0) + 1;
  }

  addDropped(series: string, bucket: number, count: number): void {
    const buckets = this.of(series);
    buckets.dropped[bucket] = (buckets.dropped[bucket] ?? 0) + count;
  }

  series(): ReadonlyMap<string, SeriesBuckets> {
    return this.bySeries;
  }

  private of(series: string): SeriesBuckets {
    let buckets = this.bySeries.get(series);
    if (!buckets) this.bySeries.set(series, (buckets = { requests: new Float64Array(this.size), overSlo: new Float64Array(this.size), dropped: new Float64Array(this.size) }));
    return buckets;
  }
}
