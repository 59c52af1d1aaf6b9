import type { TimelineAccumulator } from '../aggregate/TimelineAccumulator.ts';
import { simSpan, simSpanFrom, wallSpanFrom, type IncidentClock } from '../clock/incidentClock.ts';
import type { Phase, Recovery } from '../reportSchema.ts';

/**
 * The recovery story from the timeline. Q(t) is a bucket's goodput (successes within the SLO over offered
 * requests) in percent of the baseline's, capped at 100; empty buckets have no Q and break no hold.
 * - ttd: from fault start to the first bucket from which every non-empty bucket until the fault ends answers
 *   with p95 at or under the fast bound max(2 x baseline p95, baseline p95 + 100 ms): the client has noticed
 *   and fails fast or serves degraded; null when it never does.
 * - ttr: from fault end to the first bucket from which Q stays at or above (1 - epsilon) x 100 for the hold
 *   window (simulated ms); null when that never happens within the run.
 * - resilienceLoss: the sum of (100 - Q) x bucket simulated minutes from fault start to the run's end.
 * ttd and ttr are simulated ms (the incident's clock), with their wall twins.
 * - metastable: the hold phase's goodput below (1 - epsilon) of the baseline's, under the same offered load.
 */
export function computeRecovery({ timeline, clock, faultStart, faultEnd, baseline, hold, holdWindowMs, epsilon }: {
  timeline: TimelineAccumulator;
  clock: IncidentClock;
  faultStart: number | null;
  faultEnd: number | null;
  baseline: Phase | undefined;
  hold: Phase | undefined;
  /** Simulated ms. */
  holdWindowMs: number;
  epsilon: number;
}): Recovery {
  // The hold window starts when the fault ends: its wall length is read at the speed from there on.
  const holdWindowWallMs = wallSpanFrom(clock, faultEnd ?? timeline.start, holdWindowMs);
  const baselineQ = baseline?.goodput ?? null;
  const curve = Array.from({ length: timeline.size }, (_, index) => ({ t: timeline.bucketStart(index), q: qualityOf(timeline, index, baselineQ) }));
  const holdGoodputRatio = hold?.goodput != null && baselineQ ? hold.goodput / baselineQ : null;
  const base = { faultStart, faultEnd, holdWindowMs, holdWindowWallMs, epsilon, curve, holdGoodputRatio, metastable: holdGoodputRatio === null ? null : holdGoodputRatio < 1 - epsilon };
  if (faultStart === null || faultEnd === null) return { ...base, ttdMs: null, ttdWallMs: null, ttrMs: null, ttrWallMs: null, resilienceLoss: 0 };
  let resilienceLoss = 0;
  for (const point of curve) {
    if (point.t + timeline.bucketMs > faultStart && point.q !== null) resilienceLoss += ((100 - point.q) * simSpan(clock, point.t, point.t + timeline.bucketMs)) / 60_000;
  }
  const ttdWallMs = timeToDetect({ timeline, faultStart, faultEnd, baselineP95: baseline?.p95Ms ?? null });
  const ttrWallMs = timeToRecover({ timeline, curve, faultEnd, holdWindowMs: holdWindowWallMs, epsilon });
  return { ...base, ttdMs: simSpanFrom(clock, faultStart, ttdWallMs), ttdWallMs, ttrMs: simSpanFrom(clock, faultEnd, ttrWallMs), ttrWallMs, resilienceLoss };
}

function qualityOf(timeline: TimelineAccumulator, index: number, baselineQ: number | null): number | null {
  const offered = (timeline.requests[index] ?? 0) + (timeline.dropped[index] ?? 0);
  if (offered === 0 || !baselineQ) return null;
  return Math.min(100, (100 * ((timeline.withinSlo[index] ?? 0) / offered)) / baselineQ);
}

function timeToDetect({ timeline, faultStart, faultEnd, baselineP95 }: { timeline: TimelineAccumulator; faultStart: number; faultEnd: number; baselineP95: number | null }): number | null {
  if (baselineP95 === null) return null;
  const fastBound = Math.max(2 * baselineP95, baselineP95 + 100);
  const first = timeline.bucketOf(faultStart);
  const last = timeline.bucketOf(Math.max(faultStart, faultEnd - 1));
  if (first === -1 || last === -1) return null;
  let detectedFrom: number | null = null;
  for (let index = last; index >= first; index -= 1) {
    const p95 = timeline.latency[index]?.quantile(0.95) ?? null;
    if (p95 === null) continue;
    if (p95 > fastBound) break;
    detectedFrom = index;
  }
  return detectedFrom === null ? null : Math.max(0, timeline.bucketStart(detectedFrom) - faultStart);
}

function timeToRecover({ timeline, curve, faultEnd, holdWindowMs, epsilon }: { timeline: TimelineAccumulator; curve: Array<{ t: number; q: number | null }>; faultEnd: number; holdWindowMs: number; epsilon: number }): number | null {
  const threshold = (1 - epsilon) * 100;
  const span = Math.max(1, Math.ceil(holdWindowMs / timeline.bucketMs - 1e-9));
  const firstIndex = curve.findIndex((point) => point.t >= faultEnd);
  if (firstIndex === -1) return null;
  for (let index = firstIndex; index + span <= curve.length; index += 1) {
    const window = curve.slice(index, index + span);
    if (window.every((point) => point.q === null || point.q >= threshold) && window.some((point) => point.q !== null)) {
      return (curve[index]?.t ?? faultEnd) - faultEnd;
    }
  }
  return null;
}
