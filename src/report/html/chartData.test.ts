import { describe, expect, it } from 'vitest';
import type { Report } from '../../scoring/reportSchema.ts';
import { chartData, hasBacklog } from './chartData.ts';

const t0 = 1_700_000_000_000;
/** The fields chartData reads: 09:00 at 60x, three one-minute buckets, a fault from 09:01 to 09:02. */
function report(overrides: Partial<Report> = {}): Report {
  return {
    clock: { speed: 60, t0, simStartMs: 9 * 3_600_000 },
    run: { status: 'completed', startedAt: t0, endedAt: t0 + 3000 },
    timeline: { bucketMs: 60_000, bucketWallMs: 1000, start: t0, t: [t0, t0 + 1000, t0 + 2000], tSim: [], offered: [3, 3, 3], achieved: [3, 1, 3], upstream: [2, 6, 2], errorRate: [0, 0.5, 0], p50Ms: [1, 1, 1], p95Ms: [1, 1, 1], p99Ms: [1, 1, 1], arrivals: [2, 2, 2], backlog: [{ kind: 'consignment', unit: 'samples', waiting: [0, 40, 0] }] },
    recovery: { curve: [], epsilon: 0.1 },
    faults: [{ faultId: 'portal-down', appliedAt: t0 + 1000, removedAt: t0 + 2000 }],
    harm: { journeys: [], backlog: { kind: 'consignment', peak: 40, unit: 'samples', peakSimAt: 0, drainedSimMs: 60_000, text: '' }, summary: [] },
    integrity: { queued: 0 },
    ...overrides,
  } as unknown as Report;
}

describe('chartData', () => {
  it('puts x on the incident clock, labels fault bands, and gives rates per simulated minute', () => {
    const data = chartData(report()) as { t: number[]; faultBands: unknown[]; timeline: { arrivals: number[]; achieved: number[]; upstream: number[] } };
    expect(data.t).toEqual([32_400, 32_460, 32_520]);
    expect(data.faultBands).toEqual([{ from: 32_460, to: 32_520, label: 'portal-down' }]);
    expect(data.timeline.arrivals).toEqual([2, 2, 2]);
    // 1 request per wall second at 60x is one per simulated minute.
    expect(data.timeline.achieved).toEqual([3, 1, 3]);
    expect(data.timeline.upstream).toEqual([2, 6, 2]);
  });

  it('charts a backlog only for a run with queued or waiting work', () => {
    expect(hasBacklog(report())).toBe(true);
    expect(hasBacklog(report({ harm: { journeys: [], backlog: null, summary: [] } }))).toBe(false);
    expect(hasBacklog(report({ timeline: { ...report().timeline, backlog: [] } }))).toBe(false);
  });

  it('splits the backlog: work waiting at the client per journey kind, and requests waiting in NIC\'s queues', () => {
    const withQueue = report({ timeline: { ...report().timeline, nicQueue: [0, 12.5, 0.2] } });
    const data = chartData(withQueue) as { backlog: Array<{ label: string; waiting: number[] }> };
    expect(data.backlog).toEqual([
      { label: 'samples waiting at the client (consignment)', waiting: [0, 40, 0] },
      { label: "requests waiting in NIC's queues", waiting: [0, 12.5, 0.2] },
    ]);
    // Under half a request waiting on average is no queue worth a line; nor is an older report without the series.
    expect((chartData(report({ timeline: { ...report().timeline, nicQueue: [0, 0.4, 0] } })) as { backlog: unknown[] }).backlog).toHaveLength(1);
    expect((chartData(report()) as { backlog: unknown[] }).backlog).toHaveLength(1);
  });
});
