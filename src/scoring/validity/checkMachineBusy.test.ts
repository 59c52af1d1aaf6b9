import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkMachineBusy, OTHER_WORK_WAIT_BOUND_MS } from './checkMachineBusy.ts';
import type { HostSample } from './hostSample.ts';
import { readHostSamples } from './readHostSamples.ts';

const everything: HostSample['runIncludes'] = ['thap', 'k6', 'toxiproxy', 'mocks', 'client'];

// One sample a second on 2 cores: `outside` ms of CPU went to work outside the run, `run` to the run, whose threads waited `wait` ms for a CPU.
const second = (at: number, { outside, run = 200, wait, runIncludes = everything }: { outside: number; run?: number; wait: number; runIncludes?: HostSample['runIncludes'] }): HostSample => ({
  t: at,
  wallMs: 1_000,
  cores: 2,
  busyMs: outside + run,
  idleMs: 2_000 - outside - run,
  runMs: run,
  runWaitMs: wait,
  coreBusy: [(outside + run) / 2_000, (outside + run) / 2_000],
  runIncludes,
});
const seconds = (count: number, over: Parameters<typeof second>[1]) => Array.from({ length: count }, (_, index) => second((index + 1) * 1_000, over));

describe('machine.otherWork', () => {
  it("a quiet machine passes with its figure: the run's wait for a CPU in the share outside work had of the busy CPU, in the phases only", () => {
    const samples = [...seconds(10, { outside: 200, wait: 10 }), second(11_000, { outside: 1_800, wait: 900 })];
    expect(checkMachineBusy({ samples, from: 0, to: 10_000 })).toMatchObject({ name: 'machine.otherWork', passed: true, figure: 5, bound: OTHER_WORK_WAIT_BOUND_MS, unit: 'ms/s' });
  });

  it('a competing busy loop on every core, holding the run up, makes the run invalid, named as the machine', () => {
    const check = checkMachineBusy({ samples: seconds(10, { outside: 1_600, run: 400, wait: 2_000 }), from: 0, to: 10_000 });
    expect(check).toMatchObject({ passed: false, figure: 1_600 });
    expect(check.message).toMatch(/^the run's threads waited 1600 ms per wall second for a CPU held by work outside the run \(2000 ms in all\) in the baseline and fault phases; outside work took 80% of the machine's 2 cores, the run 20% \(10 samples\); bound \d+ ms\/s: the machine was busy with other work/);
  });

  it('a bound raised for the run (--machine-wait-bound) judges by it and says so', () => {
    const samples = seconds(10, { outside: 1_600, run: 400, wait: 2_000 });
    const raised = checkMachineBusy({ samples, from: 0, to: 10_000, bound: 5_000 });
    expect(raised).toMatchObject({ passed: true, bound: 5_000 });
    expect(raised.message).toContain(`bound 5000 ms/s (--machine-wait-bound; thap's own is ${OTHER_WORK_WAIT_BOUND_MS})`);
    expect(checkMachineBusy({ samples, from: 0, to: 10_000, bound: 100 }).passed).toBe(false);
  });

  it('outside work that only fills the cores the run does not want (a neighbour filling both cores) is not counted', () => {
    expect(checkMachineBusy({ samples: seconds(10, { outside: 1_800, wait: 5 }), from: 0, to: 10_000 })).toMatchObject({ passed: true, figure: 4.5 });
  });

  it("the run's wait on its own CPU is never other work's: a CPU-hungry client is judged", () => {
    expect(checkMachineBusy({ samples: seconds(10, { outside: 0, run: 2_000, wait: 1_500 }), from: 0, to: 10_000 })).toMatchObject({ passed: true, figure: 0 });
  });

  it('with the client outside thap (--target) or the harness in containers, the figure is shown, not judged', () => {
    const target = checkMachineBusy({ samples: seconds(10, { outside: 1_600, run: 400, wait: 1_000, runIncludes: ['thap', 'k6', 'toxiproxy', 'mocks'] }), from: 0, to: 10_000 });
    expect(target).toMatchObject({ passed: true, figure: 800 });
    expect(target.message).toContain("shown, not judged: the client (--target) ran outside thap's process tree");
    const containers = checkMachineBusy({ samples: seconds(10, { outside: 1_600, run: 400, wait: 1_000, runIncludes: ['thap', 'k6'] }), from: 0, to: 10_000 });
    expect(containers).toMatchObject({ passed: true, figure: 800 });
    expect(containers.message).toContain("the stack's containers ran outside thap's process tree");
  });

  it('fewer than 3 samples in the phases (no host.ndjson) is not measured', () => {
    expect(checkMachineBusy({ samples: [], from: 0, to: 10_000 })).toMatchObject({ passed: true, figure: null });
    expect(checkMachineBusy({ samples: seconds(2, { outside: 1_800, wait: 900 }), from: 0, to: 10_000 }).message).toMatch(/^not measured: 2 host samples/);
  });
});

describe('machine.otherWork from the host.ndjson of real runs of test/scenarios/busy-machine.yaml on the shared 2-core machine', () => {
  const fixture = (name: string) => readHostSamples({ runDir: fileURLToPath(new URL(`fixtures/${name}`, import.meta.url)) });

  it('alone: valid', async () => {
    // Its baseline started at 1796505862607 and its fault ended at 1796505870615 (report.json phases).
    expect(checkMachineBusy({ samples: await fixture('alone'), from: 1796505862607, to: 1796505870615 })).toMatchObject({ passed: true, figure: 24.1 });
  });

  it('beside a busy loop on every core: invalid', async () => {
    // Its baseline started at 1796505878835 and its fault ended at 1796505886847.
    expect(checkMachineBusy({ samples: await fixture('busy-loop-per-core'), from: 1796505878835, to: 1796505886847 })).toMatchObject({ passed: false, figure: 303.8 });
  });
});
