import type { ProfileDefinition } from './profileDefinition.ts';

/**
 * T5 post-recovery backlog (`traffic.md` T5): after a 10:00-12:00 outage, ~2,200 manual slips are entered
 * back (registration plus fee reconciliation) while normal traffic continues: combine with T1. The back-entry
 * curve (12:00-16:00, front-loaded) is an assumption. The RT-PCR clients' offline flush (3,000 SRFs and
 * consignments) is the client's own behaviour towards the NIC services and is scored there; its input is T4.
 */
export const t5PostRecoveryBacklog: ProfileDefinition = {
  name: 'T5',
  title: 'Post-recovery backlog',
  summary: 'Back-entry of ~2,200 manual slips after a 10:00-12:00 outage, 12:00-16:00; combine with T1 (traffic.md T5)',
  unit: 'patients',
  defaultCount: 2200,
  journey: 'back-entry',
  segments: [
    { fromHour: 12, toHour: 13, percent: 35 },
    { fromHour: 13, toHour: 14, percent: 30 },
    { fromHour: 14, toHour: 15, percent: 20 },
    { fromHour: 15, toHour: 16, percent: 15 },
  ],
};
