import { describe, expect, it } from 'vitest';
import { planTraffic } from '../plan/planTraffic.ts';
import { iteratePatientRecords } from '../plan/iteratePatientRecords.ts';
import { addToBins, emptyBins } from './bins.ts';
import { toK6Stages } from './toK6Stages.ts';
import type { RampingArrivalRate } from './k6Types.ts';
import { planToK6Stages } from './planToK6Stages.ts';

/** Arrivals k6 would start in [fromMs, toMs) of wall time: the integral of the piecewise-linear rate. */
function integral(s: RampingArrivalRate, fromMs: number, toMs: number): number {
  const unit = Number.parseInt(s.timeUnit, 10);
  let t = Number.parseInt(s.startTime, 10);
  let rate = s.startRate;
  let total = 0;
  for (const stage of s.stages) {
    const d = Number.parseInt(stage.duration, 10);
    const a = Math.max(t, fromMs);
    const b = Math.min(t + d, toMs);
    if (b > a && d > 0) {
      const at = (x: number): number => rate + ((stage.target - rate) * (x - t)) / d;
      total += (((at(a) + at(b)) / 2) * (b - a)) / unit;
    }
    t += d;
    rate = stage.target;
  }
  return total;
}

describe('toK6Stages', () => {
  for (const speed of [1, 60, 3600]) {
    it(`matches T1's planned arrivals per simulated hour within 2% at speed ${speed}`, () => {
      const plan = planTraffic({ seed: 3, parts: [{ profile: 'T1' }], speed });
      const bins = emptyBins({ clock: plan.clock, binMinutes: 60 });
      for (const r of iteratePatientRecords(plan)) addToBins(bins, r.arrivalSimMs);
      const stages = toK6Stages({ bins, speed });
      expect(stages.executor).toBe('ramping-arrival-rate');
      const hourWall = 3_600_000 / speed;
      bins.counts.forEach((planned, k) => {
        const got = integral(stages, k * hourWall, (k + 1) * hourWall);
        expect(Math.abs(got - planned), `hour ${k}: ${got} vs ${planned}`).toBeLessThanOrEqual(Math.max(0.02 * planned, 1));
      });
      const total = integral(stages, 0, Number.POSITIVE_INFINITY);
      expect(total).toBeGreaterThanOrEqual(8000);
      expect(total).toBeLessThan(8001);
    });
  }

  it('compiles a plan directly: T4 SRFs at speed 600 integrate to the day\'s 20,000 within 2% per hour', () => {
    const plan = planTraffic({ seed: 5, parts: [{ profile: 'T4' }], speed: 600 });
    const stages = planToK6Stages({ plan, series: 'srf' });
    const hourWall = 3_600_000 / 600;
    const start = Number.parseInt(stages.startTime, 10);
    expect(start).toBe(0); // T4's first segment starts the plan's clock
    let total = 0;
    for (let k = 0; k < 24; k += 1) total += integral(stages, k * hourWall, (k + 1) * hourWall);
    expect(Math.abs(total - 20_000)).toBeLessThan(1);
    // 10:00-11:00 holds 12% of T4's day (traffic.md T4): about 2,400 arrivals in that wall hour.
    expect(Math.abs(integral(stages, 4 * hourWall, 5 * hourWall) - 2400)).toBeLessThan(0.15 * 2400);
  });

  it('skips leading empty bins with startTime and merges equal neighbours', () => {
    const stages = toK6Stages({ bins: { binMs: 3_600_000, startSimMs: 0, counts: [0, 0, 10, 10, 4, 0] }, speed: 3600 });
    expect(stages.startTime).toBe('2000ms');
    expect(stages.timeUnit).toBe('1000ms');
    expect(stages.stages).toEqual([
      { target: 10, duration: '0ms' },
      { target: 10, duration: '2000ms' },
      { target: 4, duration: '0ms' },
      { target: 4, duration: '1125ms' },
    ]);
    expect(stages.maxVUs).toBeGreaterThanOrEqual(stages.preAllocatedVUs);
  });

  it('sizes VUs by peak rate times iteration time', () => {
    const bins = { binMs: 3_600_000, startSimMs: 0, counts: [3600] };
    const small = toK6Stages({ bins, speed: 1, iterationWallMs: 0, steps: 1, requestBudgetMs: 1000 });
    const big = toK6Stages({ bins, speed: 1, iterationWallMs: 9000, steps: 1, requestBudgetMs: 1000 });
    expect(small.preAllocatedVUs).toBe(2); // 1/s x 1 s x 1.5
    expect(big.preAllocatedVUs).toBe(15); // 1/s x 10 s x 1.5
  });
});
