import type { ProfileDefinition } from './profileDefinition.ts';

/**
 * T1 OPD weekday, KGMU-class, 8,000 patients (`traffic.md` T1): before 08:00 (queued at opening) 12%;
 * 08-09 22%; 09-10 24%; 10-11 18%; 11-12 11%; 12-13 7%; 13-14 4%; 14-16 2%. "Before 08:00" is modelled as
 * the hour 07:00-08:00 (queues form from ~04:00 [6][54]; kiosks and pre-booked tokens go in before the
 * counters open at 08:00 [4][7]).
 */
export const t1OpdWeekday: ProfileDefinition = {
  name: 'T1',
  title: 'OPD weekday (KGMU-class)',
  summary: 'OPD weekday, 8,000 patients, 07:00-16:00, peak ~1,900/h at 09:00-10:00 (traffic.md T1)',
  unit: 'patients',
  defaultCount: 8000,
  journey: 'opd',
  queuedAtOpening: true,
  segments: [
    { fromHour: 7, toHour: 8, percent: 12 },
    { fromHour: 8, toHour: 9, percent: 22 },
    { fromHour: 9, toHour: 10, percent: 24 },
    { fromHour: 10, toHour: 11, percent: 18 },
    { fromHour: 11, toHour: 12, percent: 11 },
    { fromHour: 12, toHour: 13, percent: 7 },
    { fromHour: 13, toHour: 14, percent: 4 },
    { fromHour: 14, toHour: 16, percent: 2 },
  ],
};
