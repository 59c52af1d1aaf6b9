import type { Report } from '../../scoring/index.ts';

/**
 * The numbers the browser-side chart script reads: x in simulated seconds of day when the report has the
 * incident's clock (axes read as time of day), else seconds since the run's start; fault bands, Q(t).
 */
export function chartData(report: Report): Record<string, unknown> {
  const { timeline, recovery, clock } = report;
  const rel = clock ? (t: number) => Math.round((clock.simStartMs + (t - clock.t0) * clock.speed) / 10) / 100 : (t: number) => Math.round((t - timeline.start) / 10) / 100;
  const end = rel(report.run.endedAt);
  return {
    xClock: clock !== undefined,
    t: timeline.t.map(rel),
    timeline: {
      offered: timeline.offered,
      achieved: timeline.achieved,
      upstream: timeline.upstream,
      errorPct: timeline.errorRate.map((rate) => (rate === null ? null : rate * 100)),
      p50: timeline.p50Ms,
      p95: timeline.p95Ms,
      p99: timeline.p99Ms,
    },
    q: recovery.curve.map((point) => point.q),
    qThreshold: recovery.curve.map(() => (1 - recovery.epsilon) * 100),
    faultBands: report.faults.filter((f) => f.appliedAt !== null).map((f) => [rel(f.appliedAt ?? 0), f.removedAt === null ? end : rel(f.removedAt)]),
  };
}
