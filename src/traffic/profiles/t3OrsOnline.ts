import type { ProfileDefinition, Segment } from './profileDefinition.ts';

/**
 * Percent of ORS online bookings by hour, Mon 2 Feb 2026 [44] (`traffic.md`, ORS table). Hours 01-04 are
 * "0.4-0.8 each": 0.8, 0.6, 0.4, 0.5 here. The scrape stops during hour 20 (4.8%, partial); 20:00-24:00 are an
 * assumption (7.0, 5.5, 4.5, 3.5) tapering towards 00's 2.5. The hours are normalised to sum to 100.
 */
const byHour = [2.5, 0.8, 0.6, 0.4, 0.5, 1.0, 2.0, 3.8, 5.1, 6.3, 7.9, 8.0, 7.9, 6.8, 6.9, 6.4, 5.9, 7.3, 7.5, 7.7, 7.0, 5.5, 4.5, 3.5];
const total = byHour.reduce((sum, value) => sum + value, 0);
const segments: Segment[] = byHour.map((value, hour) => ({ fromHour: hour, toHour: hour + 1, percent: (value / total) * 100 }));

/** Bookings by day of week, 19-25 Jan 2026, and the 26 Jan holiday [44]. */
const weekdays: ReadonlyArray<readonly [string, number]> = [
  ['mon', 6152], ['tue', 5813], ['wed', 5538], ['thu', 5127], ['fri', 4273], ['sat', 3515], ['sun', 3361], ['holiday', 4809],
];

export const t3OrsOnline: ProfileDefinition = {
  name: 'T3',
  title: 'ORS online bookings, 24 hours',
  summary: 'ORS online bookings over 24 h, 6,152 on a Monday, scaled by day of week (mon..sun, holiday) (traffic.md T3, [44])',
  unit: 'patients',
  defaultCount: 6152, // [44] Monday
  journey: 'opd',
  variants: weekdays.map(([name, count]) => ({ name, factor: count / 6152, source: `[44] ${count} bookings` })),
  defaultVariant: 'mon',
  segments,
};
