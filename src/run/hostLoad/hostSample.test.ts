import { describe, expect, it } from 'vitest';
import { hostSample } from './hostSample.ts';
import type { ProcessTicks, ProcSnapshot } from './procSnapshot.ts';

const proc = (ppid: number, ticks: number, nice = 0, startedAt = 1): ProcessTicks => ({ ppid, ticks, nice, startedAt });
const snapshot = (at: number, cores: Array<[number, number]>, processes: Record<number, ProcessTicks>): ProcSnapshot => ({ at, cores: cores.map(([busy, idle]) => ({ busy, idle })), processes: new Map(Object.entries(processes).map(([pid, entry]) => [Number(pid), entry])) });

describe('one host.ndjson sample', () => {
  // thap is pid 10 (child of the shell, 1); its children: mocks 11, k6 12 (with a child 13). 20 is other work, 30 niced other work.
  const before = snapshot(1_000, [[1_000, 1_000], [2_000, 500]], { 1: proc(0, 5), 10: proc(1, 100), 11: proc(10, 50), 12: proc(10, 70), 13: proc(12, 10), 20: proc(1, 400), 30: proc(1, 900, 10) });

  it("counts the run's tree (thap and every descendant) apart from the work outside it, by nice value", () => {
    const after = snapshot(2_000, [[1_080, 1_020], [2_090, 510]], { 1: proc(0, 5), 10: proc(1, 110), 11: proc(10, 60), 12: proc(10, 90), 13: proc(12, 15), 20: proc(1, 430), 30: proc(1, 950, 10) });
    expect(hostSample({ before, after, root: 10, runIncludes: ['thap', 'mocks', 'k6'] })).toEqual({
      t: 2_000,
      wallMs: 1_000,
      cores: 2,
      busyMs: 1_700,
      idleMs: 300,
      runMs: 450,
      runNice: 0,
      otherByNiceMs: { '0': 300, '10': 500 },
      coreBusy: [0.8, 0.9],
      runIncludes: ['thap', 'mocks', 'k6'],
    });
  });

  it('a process new to the tree counts all its CPU; a reused pid is a new process; one that ended counts nothing', () => {
    const after = snapshot(2_000, [[1_100, 1_000], [2_100, 500]], { 1: proc(0, 5), 10: proc(1, 100), 12: proc(10, 70), 13: proc(12, 25, 0, 2), 14: proc(10, 8), 20: proc(1, 400) });
    expect(hostSample({ before, after, root: 10, runIncludes: ['thap'] }).runMs).toBe(330);
  });

  it('the tree follows parents now: a process reparented away from thap is no longer the run', () => {
    const after = snapshot(2_000, [[1_100, 1_000], [2_100, 500]], { 1: proc(0, 5), 10: proc(1, 100), 11: proc(1, 80, 5), 12: proc(10, 70), 13: proc(12, 10), 20: proc(1, 400), 30: proc(1, 900, 10) });
    const sample = hostSample({ before, after, root: 10, runIncludes: ['thap'] });
    expect([sample.runMs, sample.otherByNiceMs]).toEqual([0, { '5': 300 }]);
  });
});
