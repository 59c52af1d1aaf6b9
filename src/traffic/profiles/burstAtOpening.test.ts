import { describe, expect, it } from 'vitest';
import { burstAtOpening } from './burstAtOpening.ts';
import { t1OpdWeekday } from './t1OpdWeekday.ts';

describe('burst at opening', () => {
  it('moves T1 12% queued before 08:00 into the first quarter hour after the counters open', () => {
    const segments = burstAtOpening(t1OpdWeekday.segments, 0.25);
    // traffic.md T1: 12% before 08:00 and 22% in 08-09, of which a quarter falls in 08:00-08:15.
    expect(segments[0]).toEqual({ fromHour: 8, toHour: 8.25, percent: 12 + 22 / 4 });
    expect(segments[1]).toEqual({ fromHour: 8.25, toHour: 9, percent: (22 * 3) / 4 });
    expect(segments.reduce((sum, s) => sum + s.percent, 0)).toBeCloseTo(100, 9);
    expect(segments.every((s, i) => i === 0 || s.fromHour >= (segments[i - 1]?.toHour ?? 0))).toBe(true);
  });

  it('spans whole later segments when the burst is long', () => {
    const segments = burstAtOpening(t1OpdWeekday.segments, 1.5);
    expect(segments[0]).toEqual({ fromHour: 8, toHour: 9.5, percent: 12 + 22 + 12 });
    expect(segments[1]).toEqual({ fromHour: 9.5, toHour: 10, percent: 12 });
  });
});
