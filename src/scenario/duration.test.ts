import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.ts';
import { formatTimeOfDay, parseTimeOfDay } from '../util/timeOfDay.ts';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1.5h', 5_400_000],
    ['2d', 172_800_000],
  ])('reads %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '15', 'm15', '15 minutes', '-5s', '1h 30m'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('formats back to the scenario notation', () => {
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(250)).toBe('250ms');
  });
});

describe('parseTimeOfDay', () => {
  it('reads times of day and next-day times', () => {
    expect(parseTimeOfDay('10:00')).toBe(36_000_000);
    expect(parseTimeOfDay('21:30:15')).toBe(77_415_000);
    expect(parseTimeOfDay('00:30+1d')).toBe(88_200_000);
  });

  it.each(['24:00', '9:00', '10:60', 'noon'])('rejects %j', (text) => expect(parseTimeOfDay(text)).toBeUndefined());

  it('round-trips', () => expect(formatTimeOfDay(parseTimeOfDay('23:05+1d') as number)).toBe('23:05+1d'));
});
