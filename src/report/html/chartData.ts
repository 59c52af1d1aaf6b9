import type { Report } from '../../scoring/index.ts';
import { simMsOf, simSpan, wallSpanFrom } from '../../scoring/index.ts';
import { visibleText } from '../safeText.ts';

/**
 * The numbers the browser-side chart script reads: x in simulated seconds of day (axes read as time of day),
 * fault bands with their labels, arrivals (journeys started per simulated minute, whatever the client
 * answered) beside the requests answered and NIC's attempts on the same scale, the backlog (at the client per
 * journey kind, and in NIC's queues), Q(t).
 */
export function chartData(report: Report): Record<string, unknown> {
  const { timeline, recovery, clock } = report;
  const rel = (t: number) => Math.round(simMsOf(clock, t) / 10) / 100;
  const end = rel(report.run.endedAt);
  // Rates per wall second become per simulated minute: the arrivals' scale. On a segmented clock a bucket's wall
  // length is read from its two ends (the last one's from its simulated length), its simulated one likewise.
  const perSimMinute = (perWallSec: number, index: number) => {
    if (!clock.segments?.length) return Math.round((perWallSec * 60 * 100) / clock.speed) / 100;
    const from = timeline.t[index] ?? clock.t0;
    const to = timeline.t[index + 1] ?? from + wallSpanFrom(clock, from, timeline.bucketMs);
    const simMinutes = simSpan(clock, from, to) / 60_000;
    return Math.round(((perWallSec * (to - from)) / 1000 / simMinutes) * 100) / 100;
  };
  return {
    xClock: true,
    t: timeline.t.map(rel),
    timeline: {
      arrivals: timeline.arrivals ?? timeline.offered.map(perSimMinute),
      arrivalsMeasured: timeline.arrivals !== undefined,
      achieved: timeline.achieved.map(perSimMinute),
      upstream: timeline.upstream.map(perSimMinute),
      errorPct: timeline.errorRate.map((rate) => (rate === null ? null : rate * 100)),
      p50: timeline.p50Ms,
      p95: timeline.p95Ms,
      p99: timeline.p99Ms,
    },
    backlog: backlogChart(report),
    q: recovery.curve.map((point) => point.q),
    qThreshold: recovery.curve.map(() => (1 - recovery.epsilon) * 100),
    faultBands: report.faults.filter((f) => f.appliedAt !== null).map((f) => ({ from: rel(f.appliedAt ?? 0), to: f.removedAt === null ? end : rel(f.removedAt), label: visibleText(f.faultId) })),
  };
}

/** Whether a report has queued work worth a backlog chart: a backlog the harm names, or work the client queued. */
export function hasBacklog(report: Report): boolean {
  return (report.timeline.backlog ?? []).length > 0 && (report.harm.backlog !== null || report.integrity.queued > 0);
}

/** Whether requests waited in NIC's capacity queues: half a request waiting on average in some bucket or more. */
export function hasNicQueue(report: Report): boolean {
  return (report.timeline.nicQueue ?? []).some((waiting) => waiting >= 0.5);
}

/**
 * The backlog chart's series: work the client accepted and NIC has not stored (waiting at the client, per journey
 * kind: timeline.backlog, from k6's outcomes and NIC's ledger), and requests waiting in NIC's own capacity queues
 * (timeline.nicQueue, from upstream.ndjson `queuedMs`); empty when neither holds any work.
 */
function backlogChart(report: Report): Array<{ label: string; waiting: number[] }> {
  const atClient = (hasBacklog(report) ? (report.timeline.backlog ?? []) : []).map((series) => ({ label: visibleText(`${series.unit} waiting at the client (${series.kind})`), waiting: series.waiting }));
  return hasNicQueue(report) ? [...atClient, { label: "requests waiting in NIC's queues", waiting: report.timeline.nicQueue ?? [] }] : atClient;
}
