import { describe, expect, it } from 'vitest';
import { checkClockSegments } from './checkClockSegments.ts';

const HOUR = 3_600_000;
const clock = (segments: Array<{ from: number; speed: number }>) => ({ start: 7.5 * HOUR, duration: 32 * HOUR, speed: 120, segments });

describe('checkClockSegments', () => {
  it('accepts segments in order inside the clock, into the second day', () => {
    expect(checkClockSegments(clock([{ from: 14 * HOUR, speed: 3600 }, { from: 31.5 * HOUR, speed: 120 }]))).toEqual([]);
    expect(checkClockSegments({ start: 9 * HOUR, duration: HOUR, speed: 60 })).toEqual([]);
  });

  it('names the segment that is out of order, outside the clock, off the 5-minute grain or without a new speed', () => {
    const issues = checkClockSegments(clock([{ from: 14 * HOUR, speed: 3600 }, { from: 13 * HOUR, speed: 600 }, { from: 20 * HOUR + 60_000, speed: 120 }, { from: 21 * HOUR, speed: 120 }, { from: 40 * HOUR, speed: 60 }]));
    expect(issues.map((issue) => issue.path)).toEqual(['clock.segments.1.from', 'clock.segments.2.from', 'clock.segments.3.speed', 'clock.segments.4.from']);
    expect(issues[0]?.message).toContain('after the one before (14:00)');
    expect(issues[1]?.message).toContain('not a whole number of 5 minutes');
    expect(issues[3]?.message).toContain('before the clock ends (15:30+1d)');
  });
});
