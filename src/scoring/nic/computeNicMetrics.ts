import { simSpan, simSpanFrom, type IncidentClock } from '../clock/incidentClock.ts';
import type { TimelineAccumulator } from '../aggregate/TimelineAccumulator.ts';
import type { NicMetrics, Phase } from '../reportSchema.ts';
import type { UpstreamAggregate } from './readUpstream.ts';

/**
 * NIC-side figures: retry amplification (upstream attempts over logical requests), the peak upstream rate
 * after the last fault ended against the baseline's rate, against the rate the client's busiest demand would
 * need at the baseline's upstream calls per request (a launch stampede's own load is not the client's flush),
 * and against the plan's capacity, drain time (last fault end
 * until the last claimed record was stored, in simulated ms with its wall twin), and how often Retry-After was honoured.
 * Rates are per wall second at `clock.speed`, the unit of the scenario's capacity: on a segmented clock a bucket
 * in a 360x segment of a 120x scenario holds three times the simulated time, so its count is divided by three
 * times the seconds, and a peak, a baseline and a capacity compare the same simulated traffic.
 */
export function computeNicMetrics({ upstream, timeline, clock, baseline, faultEnd, lastStoredAt, capacityPerSec }: {
  upstream: UpstreamAggregate;
  clock: IncidentClock;
  timeline: TimelineAccumulator;
  baseline: Phase | undefined;
  faultEnd: number | null;
  lastStoredAt: number | null;
  capacityPerSec: number | undefined;
}): NicMetrics {
  let baselineAttempts = 0;
  let baselineRequests = 0;
  let baselineSec = 0;
  let busiestRequestRate = 0;
  let peakAfter: number | null = null;
  for (let index = 0; index < timeline.size; index += 1) {
    const t = timeline.bucketStart(index);
    const bucketEnd = timeline.bucketEnd(index);
    // The bucket's length in wall seconds at clock.speed: its wall length on a one-speed clock.
    const bucketSec = simSpan(clock, t, bucketEnd) / clock.speed / 1000;
    if (bucketSec <= 0) continue;
    const count = timeline.upstream[index] ?? 0;
    const requests = timeline.requests[index] ?? 0;
    busiestRequestRate = Math.max(busiestRequestRate, requests / bucketSec);
    if (baseline && t >= baseline.start && bucketEnd <= baseline.end) {
      baselineAttempts += count;
      baselineRequests += requests;
      baselineSec += bucketSec;
    }
    if (faultEnd !== null && t >= faultEnd) peakAfter = Math.max(peakAfter ?? 0, count / bucketSec);
  }
  const baselineRate = upstream.measured && baselineSec > 0 ? baselineAttempts / baselineSec : null;
  const peak = upstream.measured ? peakAfter : null;
  // The upstream rate the busiest bucket of offered requests needs at the baseline's upstream calls per request;
  // never below the baseline's own rate.
  const demandRate = baselineRate !== null && baselineRequests > 0 ? Math.max(baselineRate, (baselineAttempts / baselineRequests) * busiestRequestRate) : null;
  const drainTimeWallMs = faultEnd === null || lastStoredAt === null ? null : Math.max(0, lastStoredAt - faultEnd);
  return {
    measured: upstream.measured,
    upstreamRequests: upstream.attempts,
    logicalRequests: upstream.logical,
    retryAmplification: upstream.logical > 0 ? upstream.attempts / upstream.logical : null,
    retryAmplificationFromFault: upstream.fromFault && upstream.fromFault.logical > 0 ? upstream.fromFault.attempts / upstream.fromFault.logical : null,
    ...(upstream.fromFault?.worst
      ? { retryAmplificationRoute: upstream.fromFault.worst.route, retryAmplificationRouteValue: upstream.fromFault.worst.attempts / upstream.fromFault.worst.logical }
      : {}),
    baselineUpstreamPerSec: baselineRate,
    peakUpstreamPerSecAfterRecovery: peak,
    capacityPerSec: capacityPerSec ?? null,
    peakOverCapacity: peak !== null && capacityPerSec ? peak / capacityPerSec : null,
    peakOverBaseline: peak !== null && baselineRate ? peak / baselineRate : null,
    busiestDemandUpstreamPerSec: demandRate,
    peakOverDemand: peak !== null && demandRate ? peak / demandRate : null,
    drainTimeMs: faultEnd === null ? null : simSpanFrom(clock, faultEnd, drainTimeWallMs),
    drainTimeWallMs,
    retryAfter: {
      observed: upstream.retryAfterObserved,
      honoured: upstream.retryAfterHonoured,
      ratio: upstream.retryAfterObserved > 0 ? upstream.retryAfterHonoured / upstream.retryAfterObserved : null,
    },
  };
}

