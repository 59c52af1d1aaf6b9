import type { ProfileDefinition } from './profileDefinition.ts';

/**
 * T2 Monday / post-holiday surge (`traffic.md` T2): x1.2 on a Monday [44], x1.5 after a 2-day closure
 * (assumption); 20% queued at opening; 08-10 holds 55% of the day. The split of the remaining 25% over
 * 10:00-16:00 is an assumption shaped like T1's tail.
 */
export const t2MondaySurge: ProfileDefinition = {
  name: 'T2',
  title: 'Monday / post-holiday surge',
  summary: 'OPD surge, 8,000 x1.2 (monday) or x1.5 (post-holiday), 20% queued at opening, 55% in 08:00-10:00 (traffic.md T2)',
  unit: 'patients',
  defaultCount: 8000,
  journey: 'opd',
  queuedAtOpening: true,
  variants: [
    { name: 'monday', factor: 1.2, source: '[44] Monday x1.21 of the Mon-Sat mean' },
    { name: 'post-holiday', factor: 1.5, source: 'assumption: after a 2-day closure' },
  ],
  defaultVariant: 'monday',
  segments: [
    { fromHour: 7, toHour: 8, percent: 20 },
    { fromHour: 8, toHour: 9, percent: 28 },
    { fromHour: 9, toHour: 10, percent: 27 },
    { fromHour: 10, toHour: 11, percent: 12 },
    { fromHour: 11, toHour: 12, percent: 7 },
    { fromHour: 12, toHour: 13, percent: 3.5 },
    { fromHour: 13, toHour: 14, percent: 1.5 },
    { fromHour: 14, toHour: 16, percent: 1 },
  ],
};
