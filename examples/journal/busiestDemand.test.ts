import { describe, expect, it } from 'vitest';
import { BusiestDemand } from './busiestDemand.ts';

function recordAt(demand: BusiestDemand, clock: { now: number }, times: number[]): void {
  for (const t of times) {
    clock.now = t;
    demand.record();
  }
}

describe('BusiestDemand', () => {
  it('is 0 before the first write, and its first window starts at that write', () => {
    const clock = { now: 0 };
    const demand = new BusiestDemand(10_000, () => clock.now);
    expect(demand.perSecond()).toBe(0);
    // Asked again 25 s later, before any write: no window may have started then.
    clock.now = 25_000;
    expect(demand.perSecond()).toBe(0);
    recordAt(demand, clock, Array.from({ length: 30 }, (_, i) => 26_000 + i * 100));
    clock.now = 36_000;
    expect(demand.perSecond()).toBe(3);
  });

  it('keeps the busiest window after the load stops', () => {
    const clock = { now: 0 };
    const demand = new BusiestDemand(10_000, () => clock.now);
    // 1 write/s for the first window, 5/s for the second, then nothing for a minute.
    recordAt(demand, clock, Array.from({ length: 10 }, (_, i) => i * 1000));
    recordAt(demand, clock, Array.from({ length: 50 }, (_, i) => 10_000 + i * 200));
    clock.now = 80_000;
    expect(demand.perSecond()).toBe(5);
  });

  it('counts the window under way at its rate so far, over at least a second', () => {
    const clock = { now: 0 };
    const demand = new BusiestDemand(60_000, () => clock.now);
    recordAt(demand, clock, [0, 100, 200, 300]);
    clock.now = 400;
    expect(demand.perSecond()).toBe(4);
    clock.now = 4_000;
    expect(demand.perSecond()).toBe(1);
  });

  it('does not let a quiet stretch shift the windows: a burst after it is measured in its own window', () => {
    const clock = { now: 0 };
    const demand = new BusiestDemand(10_000, () => clock.now);
    recordAt(demand, clock, [0]);
    // 35 s later: the windows [10 s, 20 s) and [20 s, 30 s) were empty; 20 writes land in [30 s, 40 s).
    recordAt(demand, clock, Array.from({ length: 20 }, (_, i) => 35_000 + i * 100));
    clock.now = 41_000;
    expect(demand.perSecond()).toBe(2);
  });
});
