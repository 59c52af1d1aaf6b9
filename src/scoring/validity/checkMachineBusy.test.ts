import { describe, expect, it } from 'vitest';
import { checkMachineBusy, OTHER_WORK_BOUND_PERCENT } from './checkMachineBusy.ts';
import type { HostSample } from './hostSample.ts';

// One sample a second on 2 cores: `outside` of the 2,000 ms of CPU went to work outside the run, `run` to the run.
const second = (at: number, { outside, run = 200, byNice = { '0': outside } as Record<string, number>, runNice = 0, runIncludes = ['thap', 'k6', 'toxiproxy', 'mocks', 'client'] as HostSample['runIncludes'] }: { outside: number; run?: number; byNice?: Record<string, number>; runNice?: number; runIncludes?: HostSample['runIncludes'] }): HostSample => ({
  t: at,
  wallMs: 1_000,
  cores: 2,
  busyMs: outside + run,
  idleMs: 2_000 - outside - run,
  runMs: run,
  runNice,
  otherByNiceMs: byNice,
  coreBusy: [(outside + run) / 2_000, (outside + run) / 2_000],
  runIncludes,
});
const seconds = (count: number, over: Parameters<typeof second>[1]) => Array.from({ length: count }, (_, index) => second((index + 1) * 1_000, over));

describe('machine.otherWork', () => {
  it('a quiet machine passes with its figure: the share of capacity outside the run, in the phases only', () => {
    const samples = [...seconds(10, { outside: 100 }), second(11_000, { outside: 2_000, run: 0 })];
    expect(checkMachineBusy({ samples, from: 0, to: 10_000 })).toMatchObject({ name: 'machine.otherWork', passed: true, figure: 5, bound: OTHER_WORK_BOUND_PERCENT, unit: '%' });
  });

  it('a competing busy loop on every core makes the run invalid, named as the machine', () => {
    const check = checkMachineBusy({ samples: seconds(10, { outside: 1_700, run: 300 }), from: 0, to: 10_000 });
    expect(check).toMatchObject({ passed: false, figure: 85 });
    expect(check.message).toMatch(/^work outside the run took 85% of the machine's 2 cores in the baseline and fault phases \(the run itself 15%; 10 samples\); bound \d+%: the machine was busy with other work/);
  });

  it("the run's own CPU, however much, is never other work: a CPU-hungry client is judged", () => {
    expect(checkMachineBusy({ samples: seconds(10, { outside: 40, run: 1_960 }), from: 0, to: 10_000 })).toMatchObject({ passed: true, figure: 2 });
  });

  it("work at a lower priority than the run's counts at its scheduler weight: nice-10 work filling both cores is about a fifth of it", () => {
    const check = checkMachineBusy({ samples: seconds(10, { outside: 1_800, byNice: { '10': 1_800 } }), from: 0, to: 10_000 });
    expect(check.figure).toBeCloseTo(17.5, 1);
    expect(check.message).toContain("work at a lower priority than the run's (90%) counted at its scheduler weight");
    // The same work beside a run at nice 10 competes in full; beside a run at nice -15, nice-0 work hardly does.
    expect(checkMachineBusy({ samples: seconds(10, { outside: 1_800, byNice: { '10': 1_800 }, runNice: 10 }), from: 0, to: 10_000 }).figure).toBe(90);
    expect(checkMachineBusy({ samples: seconds(10, { outside: 1_800, runNice: -15 }), from: 0, to: 10_000 }).figure).toBeCloseTo(6.1, 1);
  });

  it('CPU no process accounts for (a process that ended between samples, the kernel, steal) counts in full', () => {
    expect(checkMachineBusy({ samples: seconds(10, { outside: 1_000, byNice: { '10': 400 } }), from: 0, to: 10_000 }).figure).toBeCloseTo(33.9, 1);
  });

  it('with the client outside thap (--target) its CPU is in the figure: one core more is allowed, beyond that it is invalid', () => {
    const runIncludes: HostSample['runIncludes'] = ['thap', 'k6', 'toxiproxy', 'mocks'];
    // On 4 cores one core is 25% of the machine: 70% outside the run passes, 80% does not.
    const fourCores = (outsideShare: number) => seconds(10, { outside: 0, runIncludes }).map((sample) => ({ ...sample, cores: 4, busyMs: 4_000 * outsideShare + 200, idleMs: 4_000 * (1 - outsideShare) - 200, otherByNiceMs: { '0': 4_000 * outsideShare } }));
    const within = checkMachineBusy({ samples: fourCores(0.7), from: 0, to: 10_000 });
    expect(within).toMatchObject({ passed: true, figure: 70, bound: OTHER_WORK_BOUND_PERCENT + 25 });
    expect(within.message).toContain('the client was not started by thap (--target), so its CPU is in the figure');
    expect(checkMachineBusy({ samples: fourCores(0.8), from: 0, to: 10_000 })).toMatchObject({ passed: false, figure: 80 });
    // On 2 cores the allowance leaves nothing to judge: the figure is shown.
    expect(checkMachineBusy({ samples: seconds(10, { outside: 1_790, run: 210, runIncludes }), from: 0, to: 10_000 })).toMatchObject({ passed: true, figure: 89.5, bound: 100 });
  });

  it('with the container stack the figure is shown and not judged', () => {
    const check = checkMachineBusy({ samples: seconds(10, { outside: 1_900, run: 100, runIncludes: ['thap', 'k6'] }), from: 0, to: 10_000 });
    expect(check).toMatchObject({ passed: true, figure: 95, bound: 100 });
    expect(check.message).toContain("the stack's containers run outside thap's process tree");
  });

  it('fewer than 3 samples in the phases (no host.ndjson) is not measured', () => {
    expect(checkMachineBusy({ samples: [], from: 0, to: 10_000 })).toMatchObject({ passed: true, figure: null });
    expect(checkMachineBusy({ samples: seconds(2, { outside: 2_000, run: 0 }), from: 0, to: 10_000 }).message).toMatch(/^not measured: 2 host samples/);
  });
});
