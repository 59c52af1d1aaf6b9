import { describe, expect, it } from 'vitest';
import { resolvePart } from './resolvePart.ts';
import { profiles } from './registry.ts';
import { planTraffic } from '../plan/planTraffic.ts';
import { UserError } from '../../core/index.ts';

describe('profiles', () => {
  it('each sums to 100% and has a one-line summary', () => {
    for (const p of profiles) {
      expect(p.segments.reduce((s, x) => s + x.percent, 0), p.name).toBeCloseTo(100, 6);
      if (p.consignmentSegments) expect(p.consignmentSegments.reduce((s, x) => s + x.percent, 0)).toBeCloseTo(100, 6);
      expect(p.summary).not.toContain('\n');
    }
    expect(profiles.map((p) => p.name)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
  });

  it('applies variants, scale and start hour', () => {
    expect(resolvePart({ profile: 'T2' }).count).toBe(9600); // 8,000 x1.2 Monday [44]
    expect(resolvePart({ profile: 't2', variant: 'post-holiday' }).count).toBe(12_000);
    expect(resolvePart({ profile: 'T3', variant: 'sun' }).count).toBe(3361); // [44]
    expect(resolvePart({ profile: 'T4', scale: 100 }).count).toBe(2_000_000);
    const moved = resolvePart({ profile: 'T1', startHour: 9 });
    expect(moved.segments[0]).toEqual({ fromHour: 9, toHour: 10, percent: 12 });
    expect(moved.segments.at(-1)).toEqual({ fromHour: 16, toHour: 18, percent: 2 });
  });

  it('rejects an unknown profile listing the known ones', () => {
    expect(() => resolvePart({ profile: 'T9' })).toThrow(/known profiles: T1, T2, T3, T4, T5/);
  });

  it('reports every bad parameter at once, with what is allowed', () => {
    let error: unknown;
    try {
      planTraffic({ seed: 1, speed: 0, parts: [{ profile: 'T1', count: 0 }, { profile: 'T2', variant: 'friday', scale: -1 }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const message = (error as UserError).message;
    expect(message).toMatch(/speed must be from 1 .* to 86400 .*\(got 0\)/);
    expect(message).toMatch(/T1: count must be a whole number from 1 to 21,000,000 \(got 0\)/);
    expect(message).toMatch(/"friday" is not one of monday, post-holiday/);
    expect(message).toMatch(/scale must be a number above 0 and at most 1000 \(got -1\)/);
  });
});
