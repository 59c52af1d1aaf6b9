import type { ProfileDefinition } from './profileDefinition.ts';

/**
 * T4 sample day with a night consignment burst, Lucknow Apr-May 2021 (`traffic.md` T4): 20,000 SRFs a day
 * [28], 85% created 08:00-17:00 peaking 10:00-13:00; consignments 19:00-01:00, 60% of them 20:00-24:00.
 * The split inside 08-17 and the 15% outside it are assumptions with that shape.
 */
export const t4SampleDay: ProfileDefinition = {
  name: 'T4',
  title: 'Sample day with night consignment burst',
  summary: 'Sample day, 20,000 SRFs, 85% in 08:00-17:00 peaking 10-13, consignments 19:00-01:00 (traffic.md T4, [28])',
  unit: 'samples',
  defaultCount: 20_000, // [28]
  journey: 'sample',
  segments: [
    { fromHour: 6, toHour: 7, percent: 1 },
    { fromHour: 7, toHour: 8, percent: 3 },
    { fromHour: 8, toHour: 9, percent: 6 },
    { fromHour: 9, toHour: 10, percent: 9 },
    { fromHour: 10, toHour: 11, percent: 12 },
    { fromHour: 11, toHour: 12, percent: 13 },
    { fromHour: 12, toHour: 13, percent: 12 },
    { fromHour: 13, toHour: 14, percent: 10 },
    { fromHour: 14, toHour: 15, percent: 9 },
    { fromHour: 15, toHour: 16, percent: 8 },
    { fromHour: 16, toHour: 17, percent: 6 },
    { fromHour: 17, toHour: 18, percent: 4 },
    { fromHour: 18, toHour: 19, percent: 3 },
    { fromHour: 19, toHour: 20, percent: 2 },
    { fromHour: 20, toHour: 21, percent: 1 },
    { fromHour: 21, toHour: 22, percent: 1 },
  ],
  // 60% of consignments 20:00-24:00 (T4); 19-20 and 00-01 share the other 40% (assumption).
  consignmentSegments: [
    { fromHour: 19, toHour: 20, percent: 20 },
    { fromHour: 20, toHour: 24, percent: 60 },
    { fromHour: 24, toHour: 25, percent: 20 },
  ],
};
