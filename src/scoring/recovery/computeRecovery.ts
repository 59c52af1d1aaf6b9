import type { TimelineAccumulator } from '../aggregate/TimelineAccumulator.ts';
import { simSpan, simSpanFrom, wallSpanFrom, type IncidentClock } from '../clock/incidentClock.ts';
import type { Phase, Recovery } from '../reportSchema.ts';

/**
 * The recovery story from the timeline. Q(t) is a bucket's goodput (successes within the SLO over offered
 * requests) in percent of the baseline's, capped at 100; empty buckets have no Q and break no hold, and neither
 * do buckets from `loadEnd` on: once the plan stops offering load, what the run still records is the answers in
 * flight (the slower the client, the more), which is no quality of service to recover to.
 * - ttd: from a fault's start to the first bucket from which every non-empty bucket until that fault ends
 *   answers with p95 at or under the fast bound max(2 x baseline p95, baseline p95 + 100 ms): the client has
 *   noticed and fails fast or serves degraded. Read per outage (overlapping faults are one), the longest of
 *   them; null when the client never noticed one of them. Between two outages NIC is up: a slow minute there
 *   is ordinary load, not a missed outage.
 * - ttr: from fault end to the first bucket from which Q stays at or above (1 - epsilon) x 100 for the hold
 *   window (simulated ms); null when that never happens while the plan offers load.
 * - resilienceLoss: the sum of (100 - Q) x bucket simulated minutes from fault start to the end of the load.
 * ttd and ttr are simulated ms (the incident's clock), with their wall twins.
 * - metastable: the hold phase's goodput below (1 - epsilon) of the baseline's, under the same offered load.
 */
export function computeRecovery({ timeline, clock, faultStart, faultEnd, outages = [], baseline, hold, holdWindowMs, epsilon, loadEnd }: {
  timeline: TimelineAccumulator;
  /** When the plan stops offering load (epoch ms). */
  loadEnd: number;
  clock: IncidentClock;
  faultStart: number | null;
  faultEnd: number | null;
  /** Each applied fault's window (wall instants); none: the one outage from faultStart to faultEnd. */
  outages?: ReadonlyArray<{ start: number; end: number }>;
  baseline: Phase | undefined;
  hold: Phase | undefined;
  /** Simulated ms. */
  holdWindowMs: number;
  epsilon: number;
}): Recovery {
  // The hold window starts when the fault ends: its wall length is read at the speed from there on.
  const holdWindowWallMs = wallSpanFrom(clock, faultEnd ?? timeline.start, holdWindowMs);
  const baselineQ = baseline?.goodput ?? null;
  const curve = Array.from({ length: timeline.size }, (_, index) => ({ t: timeline.bucketStart(index), q: timeline.bucketStart(index) < loadEnd ? qualityOf(timeline, index, baselineQ) : null }));
  const holdGoodputRatio = hold?.goodput != null && baselineQ ? hold.goodput / baselineQ : null;
  const base = { faultStart, faultEnd, holdWindowMs, holdWindowWallMs, epsilon, curve, holdGoodputRatio, metastable: holdGoodputRatio === null ? null : holdGoodputRatio < 1 - epsilon };
  if (faultStart === null || faultEnd === null) return { ...base, ttdMs: null, ttdWallMs: null, ttrMs: null, ttrWallMs: null, resilienceLoss: 0 };
  let resilienceLoss = 0;
  for (const [index, point] of curve.entries()) {
    if (timeline.bucketEnd(index) > faultStart && point.q !== null) resilienceLoss += ((100 - point.q) * simSpan(clock, point.t, timeline.bucketEnd(index))) / 60_000;
  }
  const ttd = slowestDetection({ timeline, clock, outages: outages.length > 0 ? outages : [{ start: faultStart, end: faultEnd }], baselineP95: baseline?.p95Ms ?? null });
  const ttrWallMs = timeToRecover({ timeline, clock, curve, faultEnd, holdWindowMs, epsilon });
  return { ...base, ttdMs: ttd.simMs, ttdWallMs: ttd.wallMs, ttrMs: simSpanFrom(clock, faultEnd, ttrWallMs), ttrWallMs, resilienceLoss };
}

/** The longest time to detect over the outages (overlapping ones merged), on the incident's clock; null when one was never detected. */
function slowestDetection({ timeline, clock, outages, baselineP95 }: { timeline: TimelineAccumulator; clock: IncidentClock; outages: ReadonlyArray<{ start: number; end: number }>; baselineP95: number | null }): { simMs: number | null; wallMs: number | null } {
  let slowest: { simMs: number; wallMs: number } | null = null;
  for (const outage of mergeOverlapping(outages)) {
    const wallMs = timeToDetect({ timeline, faultStart: outage.start, faultEnd: outage.end, baselineP95 });
    if (wallMs === null) return { simMs: null, wallMs: null };
    const simMs = simSpan(clock, outage.start, outage.start + wallMs);
    if (slowest === null || simMs > slowest.simMs) slowest = { simMs, wallMs };
  }
  return slowest ?? { simMs: null, wallMs: null };
}

function mergeOverlapping(spans: ReadonlyArray<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
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

function timeToRecover({ timeline, clock, curve, faultEnd, holdWindowMs, epsilon }: { timeline: TimelineAccumulator; clock: IncidentClock; curve: Array<{ t: number; q: number | null }>; faultEnd: number; holdWindowMs: number; epsilon: number }): number | null {
  const threshold = (1 - epsilon) * 100;
  const firstIndex = curve.findIndex((point) => point.t >= faultEnd);
  if (firstIndex === -1) return null;
  // Every bucket holds one simulated length (on a segmented clock too), so the hold window is a bucket count.
  const bucketSimMs = simSpan(clock, timeline.bucketStart(firstIndex), timeline.bucketEnd(firstIndex));
  const span = Math.max(1, Math.ceil(holdWindowMs / bucketSimMs - 1e-9));
  for (let index = firstIndex; index + span <= curve.length; index += 1) {
    const window = curve.slice(index, index + span);
    if (window.every((point) => point.q === null || point.q >= threshold) && window.some((point) => point.q !== null)) {
      return (curve[index]?.t ?? faultEnd) - faultEnd;
    }
  }
  return null;
}
