import { describe, expect, it } from 'vitest';
import { TimelineAccumulator } from '../aggregate/TimelineAccumulator.ts';
import { computeNicMetrics } from './computeNicMetrics.ts';
import type { UpstreamAggregate } from './readUpstream.ts';

const clock = { speed: 60, t0: 0, simStartMs: 0 };
const upstream = { measured: true, attempts: 0, logical: 0, retryAfterObserved: 0, retryAfterHonoured: 0 } as unknown as UpstreamAggregate;

/** Ten 1 s buckets: per bucket, client requests offered and upstream attempts. */
function timelineOf(requests: number[], attempts: number[]): TimelineAccumulator {
  const timeline = new TimelineAccumulator(0, 10_000, 1_000);
  requests.forEach((count, index) => (timeline.requests[index] = count));
  attempts.forEach((count, index) => (timeline.upstream[index] = count));
  return timeline;
}

const metricsOf = (timeline: TimelineAccumulator) =>
  computeNicMetrics({ upstream, timeline, clock, baseline: { name: 'baseline', start: 0, end: 3_000 } as never, faultEnd: 5_000, lastStoredAt: null, capacityPerSec: undefined });

describe('the post-recovery peak', () => {
  it('is judged against the busiest demand: a stampede after a quiet baseline is not a flush', () => {
    // A quiet baseline (2 requests/s, 1 upstream call each), then a stampede of 100/s that the client passes on
    // at 1.8x while it drains.
    const metrics = metricsOf(timelineOf([2, 2, 2, 100, 100, 100, 100, 100, 100, 100], [2, 2, 2, 0, 0, 180, 180, 100, 100, 100]));
    expect(metrics.peakOverBaseline).toBe(90);
    expect(metrics.busiestDemandUpstreamPerSec).toBe(100);
    expect(metrics.peakOverDemand).toBeCloseTo(1.8, 5);
  });

  it('is the same as against the baseline when the baseline is the busiest demand, and never judged against less', () => {
    const flush = metricsOf(timelineOf([10, 10, 10, 10, 10, 10, 10, 10, 10, 10], [20, 20, 20, 0, 0, 200, 20, 20, 20, 20]));
    expect(flush.busiestDemandUpstreamPerSec).toBe(20);
    expect(flush.peakOverDemand).toBe(flush.peakOverBaseline);
    expect(flush.peakOverDemand).toBe(10);
    const quieter = metricsOf(timelineOf([10, 10, 10, 4, 4, 4, 4, 4, 4, 4], [10, 10, 10, 0, 0, 30, 4, 4, 4, 4]));
    expect(quieter.busiestDemandUpstreamPerSec).toBe(10);
    expect(quieter.peakOverDemand).toBe(3);
  });
});

describe('rates on a segmented clock', () => {
  // 60x until 00:05 simulated (5 wall s), then 180x: a wall second of the second segment holds three of the first.
  const segmentedClock = { speed: 60, t0: 0, simStartMs: 0, segments: [{ fromSim: 5 * 60_000, speed: 180 }] };
  const metricsOn = (timeline: TimelineAccumulator, capacityPerSec?: number) =>
    computeNicMetrics({ upstream, timeline, clock: segmentedClock, baseline: { name: 'baseline', start: 0, end: 3_000 } as never, faultEnd: 5_000, lastStoredAt: null, capacityPerSec });

  it('counts them per wall second at clock.speed, so the same simulated traffic is the same rate in every segment', () => {
    // 10 requests and 10 upstream calls a wall second at 60x, then 30 a wall second at 180x: the same traffic.
    const metrics = metricsOn(timelineOf([10, 10, 10, 10, 10, 30, 30, 30, 30, 30], [10, 10, 10, 10, 10, 30, 30, 30, 30, 30]), 10);
    expect(metrics.baselineUpstreamPerSec).toBe(10);
    expect(metrics.busiestDemandUpstreamPerSec).toBe(10);
    expect(metrics.peakUpstreamPerSecAfterRecovery).toBe(10);
    expect(metrics.peakOverCapacity).toBe(1);
    expect(metrics.peakOverDemand).toBe(1);
  });

  it('still sees a flush in the faster segment as a flush', () => {
    const metrics = metricsOn(timelineOf([10, 10, 10, 10, 10, 30, 30, 30, 30, 30], [10, 10, 10, 0, 0, 120, 30, 30, 30, 30]), 10);
    expect(metrics.peakOverDemand).toBe(4);
    expect(metrics.peakOverCapacity).toBe(4);
  });
});
