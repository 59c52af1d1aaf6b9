import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDrainCapacity, DRAIN_WAIT_BOUND_MS } from './checkDrainCapacity.ts';
import type { HostSample } from './hostSample.ts';
import { readHostSamples } from './readHostSamples.ts';

// One sample a second on 2 cores: the run used `run` ms of CPU and its threads waited `wait` ms for one.
const second = (at: number, { run, wait }: { run: number; wait: number }): HostSample => ({
  t: at,
  wallMs: 1_000,
  cores: 2,
  busyMs: run,
  idleMs: 2_000 - run,
  runMs: run,
  runWaitMs: wait,
  coreBusy: [run / 2_000, run / 2_000],
  runIncludes: ['thap', 'k6', 'toxiproxy', 'mocks', 'client'],
});
const seconds = (count: number, over: Parameters<typeof second>[1]) => Array.from({ length: count }, (_, index) => second((index + 1) * 1_000, over));
// The drain's last tenth: wall 7 s to 10 s, six simulated minutes.
const tail = { from: 7_000, to: 10_000, simMs: 360_000 };

describe('machine.drainCapacity', () => {
  it('a client still delivering at the deadline on a saturated machine makes the run invalid, named as the machine, with the fix', () => {
    const check = checkDrainCapacity({ samples: seconds(10, { run: 1_900, wait: 1_500 }), drain: { undelivered: 1_305, deliveredInTail: 1_457, tail } });
    expect(check).toMatchObject({ name: 'machine.drainCapacity', passed: false, figure: 1_305, bound: 0, unit: 'writes' });
    expect(check.message).toBe(
      `the client was still delivering when the drain deadline came (NIC stored 1457 of its writes in the drain's last 6 simulated minutes; 1305 were not there by the deadline); the run's threads waited 1500 ms per wall second for a CPU then (bound ${DRAIN_WAIT_BOUND_MS} ms/s), the machine's 2 cores 95% busy (3 samples): the machine's CPU, not the client, bounded the drain at this speed, so its 1305 undelivered writes are not the client's to answer for; run it at a lower --speed (or on more cores) to judge the drain`,
    );
  });

  it('the same client with CPU to spare is judged: the writes it left are its own', () => {
    const check = checkDrainCapacity({ samples: seconds(10, { run: 600, wait: 120 }), drain: { undelivered: 40, deliveredInTail: 200, tail } });
    expect(check).toMatchObject({ passed: true, figure: 0 });
    expect(check.message).toMatch(/waited 120 ms per wall second .*: the machine had CPU to spare, so the writes left are the client's$/);
  });

  it('a client that had stopped delivering (a dropper) is judged whatever the CPU: its writes are gone, not late', () => {
    const check = checkDrainCapacity({ samples: seconds(10, { run: 1_900, wait: 2_000 }), drain: { undelivered: 1_981, deliveredInTail: 0, tail } });
    expect(check).toMatchObject({ passed: true, figure: 0 });
    expect(check.message).toBe("1981 accepted writes were not at NIC by the drain deadline and the client delivered none of its writes in the drain's last 6 simulated minutes: it had stopped delivering, so they are its own");
  });

  it("a client whose own outbox said nothing was pending had finished: judged, even on a saturated machine with deliveries late in the drain", () => {
    const check = checkDrainCapacity({ samples: seconds(10, { run: 1_900, wait: 2_000 }), drain: { undelivered: 397, deliveredInTail: 300, tail, clientPending: 0 } });
    expect(check).toMatchObject({ passed: true, figure: 0 });
    expect(check.message).toBe("397 accepted writes were not at NIC by the drain deadline and the client's outbox said nothing was pending when thap stopped waiting: it had finished delivering, so they are its own");
    expect(checkDrainCapacity({ samples: seconds(10, { run: 1_900, wait: 2_000 }), drain: { undelivered: 397, deliveredInTail: 300, tail, clientPending: 466 } }).passed).toBe(false);
  });

  it('blames the machine for nothing when every write arrived, and measures nothing when the plan has no deadline', () => {
    expect(checkDrainCapacity({ samples: seconds(10, { run: 1_900, wait: 2_000 }), drain: { undelivered: 0, deliveredInTail: 900, tail } })).toMatchObject({ passed: true, figure: 0, message: 'every accepted write was at NIC by the drain deadline' });
    expect(checkDrainCapacity({ samples: [], drain: undefined })).toMatchObject({ passed: true, figure: null });
  });

  it('reads the samples overlapping the tail, at least the last 3 begun before the deadline however short the tail, and says when it has fewer', () => {
    const short = { from: 9_500, to: 10_000, simMs: 60_000 };
    expect(checkDrainCapacity({ samples: [...seconds(7, { run: 300, wait: 10 }), ...seconds(10, { run: 1_900, wait: 1_500 }).slice(7)], drain: { undelivered: 5, deliveredInTail: 5, tail: short } })).toMatchObject({ passed: false, figure: 5 });
    expect(checkDrainCapacity({ samples: seconds(2, { run: 1_900, wait: 1_500 }), drain: { undelivered: 5, deliveredInTail: 5, tail } }).message).toMatch(/^not measured: the client was still delivering in the drain's last 6 simulated minutes and 2 host samples cover it/);
  });
});

describe("machine.drainCapacity from a real run: examples/resilient on O1 at 120x on the shared 2-core machine, 1,305 of 22,489 queued writes short at the deadline", () => {
  it('invalid: the drain was bound by the CPU', async () => {
    const samples = await readHostSamples({ runDir: fileURLToPath(new URL('fixtures/o1-resilient-drain-120x', import.meta.url)) });
    // report.json: drain deadline 1796677083789, the load planned to end 30 wall s (an hour) before; NIC stored 1,457 of its writes in the last 3 s.
    const check = checkDrainCapacity({ samples, drain: { undelivered: 1_305, deliveredInTail: 1_457, tail: { from: 1796677080789, to: 1796677083789, simMs: 360_000 } } });
    expect(check).toMatchObject({ passed: false, figure: 1_305 });
    expect(check.message).toContain("waited 1374.8 ms per wall second for a CPU then (bound 500 ms/s), the machine's 2 cores 73.7% busy (4 samples)");
  });
});
