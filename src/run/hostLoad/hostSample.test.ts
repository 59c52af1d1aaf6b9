import { describe, expect, it } from 'vitest';
import { hostSample } from './hostSample.ts';
import type { ProcessTicks, ProcSnapshot } from './procSnapshot.ts';

const proc = (ppid: number, ticks: number, startedAt = 1): ProcessTicks => ({ ppid, ticks, startedAt });
const snapshot = (at: number, cores: Array<[number, number]>, processes: Record<number, ProcessTicks>, waits: Record<number, number> = {}): ProcSnapshot => ({
  at,
  cores: cores.map(([busy, idle]) => ({ busy, idle })),
  processes: new Map(Object.entries(processes).map(([pid, entry]) => [Number(pid), entry])),
  runWaitNs: new Map(Object.entries(waits).map(([tid, ns]) => [Number(tid), ns])),
});

describe('one host.ndjson sample', () => {
  // thap is pid 10 (child of the shell, 1); its children: mocks 11, k6 12 (with a child 13). 20 and 30 are other work.
  const before = snapshot(1_000, [[1_000, 1_000], [2_000, 500]], { 1: proc(0, 5), 10: proc(1, 100), 11: proc(10, 50), 12: proc(10, 70), 13: proc(12, 10), 20: proc(1, 400), 30: proc(1, 900) }, { 10: 5e6, 12: 1e6, 120: 2e6 });

  it("counts the run's tree (thap and every descendant) apart from the work outside it, and its threads' wait for a CPU", () => {
    // Thread 121 is new (all its 3 ms of wait count); 120 waited 4 ms more; 12 ended.
    const after = snapshot(2_000, [[1_080, 1_020], [2_090, 510]], { 1: proc(0, 5), 10: proc(1, 110), 11: proc(10, 60), 12: proc(10, 90), 13: proc(12, 15), 20: proc(1, 430), 30: proc(1, 950) }, { 10: 7e6, 120: 6e6, 121: 3e6 });
    expect(hostSample({ before, after, root: 10, runIncludes: ['thap', 'mocks', 'k6'] })).toEqual({
      t: 2_000,
      wallMs: 1_000,
      cores: 2,
      busyMs: 1_700,
      idleMs: 300,
      runMs: 450,
      runWaitMs: 9,
      coreBusy: [0.8, 0.9],
      runIncludes: ['thap', 'mocks', 'k6'],
    });
  });

  it('a process new to the tree counts all its CPU; a reused pid is a new process; one that ended counts nothing', () => {
    const after = snapshot(2_000, [[1_100, 1_000], [2_100, 500]], { 1: proc(0, 5), 10: proc(1, 100), 12: proc(10, 70), 13: proc(12, 25, 2), 14: proc(10, 8), 20: proc(1, 400) });
    expect(hostSample({ before, after, root: 10, runIncludes: ['thap'] }).runMs).toBe(330);
  });

  it('the tree follows parents now: a process reparented away from thap is no longer the run', () => {
    const after = snapshot(2_000, [[1_100, 1_000], [2_100, 500]], { 1: proc(0, 5), 10: proc(1, 100), 11: proc(1, 80), 12: proc(10, 70), 13: proc(12, 10), 20: proc(1, 400), 30: proc(1, 900) });
    expect(hostSample({ before, after, root: 10, runIncludes: ['thap'] }).runMs).toBe(0);
  });
});
