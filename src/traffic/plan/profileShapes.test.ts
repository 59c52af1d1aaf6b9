import { describe, expect, it } from 'vitest';
import { planTraffic } from './planTraffic.ts';
import { iteratePatientRecords } from './iteratePatientRecords.ts';
import { iterateSampleRecords } from '../samples/iterateSampleRecords.ts';
import { profiles } from '../profiles/registry.ts';

const msPerHour = 3_600_000;

/**
 * Every profile at its default size follows its own curve: each segment's share within four standard
 * deviations of a multinomial draw (at least 0.5 points). The seed is fixed, so this cannot flake; it fails
 * when the arrivals stop following the curve.
 */
describe.each(profiles.map((p) => [p.name, p] as const))('profile %s', (_name, profile) => {
  it('puts each segment near its share of the day', () => {
    const plan = planTraffic({ seed: 21, parts: [{ profile: profile.name }] });
    const times =
      profile.unit === 'samples'
        ? [...iterateSampleRecords(plan)].map((r) => r.srfCreateSimMs)
        : [...iteratePatientRecords(plan)].map((r) => r.arrivalSimMs);
    const n = times.length;
    expect(n).toBe(plan.parts[0]!.count);
    for (const s of profile.segments) {
      const p = s.percent / 100;
      const got = times.filter((t) => t >= s.fromHour * msPerHour && t < s.toHour * msPerHour).length / n;
      const tolerance = Math.max(0.005, 4 * Math.sqrt((p * (1 - p)) / n));
      expect(Math.abs(got - p), `${s.fromHour}-${s.toHour}h: ${(100 * got).toFixed(2)}% vs ${s.percent.toFixed(2)}%`).toBeLessThanOrEqual(tolerance);
    }
  });
});

describe('T2 surge', () => {
  it('holds 55% of the day in 08:00-10:00 and 20% queued at opening (traffic.md T2)', () => {
    const records = [...iteratePatientRecords(planTraffic({ seed: 2, parts: [{ profile: 'T2' }] }))];
    const share = (from: number, to: number): number => records.filter((r) => r.arrivalSimMs >= from * msPerHour && r.arrivalSimMs < to * msPerHour).length / records.length;
    expect(records).toHaveLength(9600);
    expect(Math.abs(share(8, 10) - 0.55)).toBeLessThan(0.015);
    expect(Math.abs(share(7, 8) - 0.2)).toBeLessThan(0.015);
  });
});
