import { isoTime } from './nicCodes.ts';
import { field, pickIds, type JourneyStep } from './journeyStep.ts';

/** Create consignment: `POST /icmr/consignments` -> ICMR `POST /icmr/v1/consignments` (labCode -> labId). */
export const createConsignmentStep: JourneyStep = {
  step: 'createConsignment',
  route: 'POST /icmr/consignments',
  service: 'icmr',
  refs: ['srfIds'],
  provides: ['consignmentId'],
  queueable: true,
  toNic: ({ body }) => {
    const srfIds = field(body, 'srfIds');
    const labId = field(body, 'labCode');
    if (!Array.isArray(srfIds) || srfIds.length === 0) return 'body must carry srfIds (a non-empty list)';
    if (typeof labId !== 'string') return 'body must carry labCode';
    const dispatchedAt = isoTime(field(body, 'dispatchedAt'));
    return { method: 'POST', path: '/icmr/v1/consignments', body: { labId, srfIds, ...(dispatchedAt ? { dispatchedAt } : {}) }, write: true };
  },
  fromNic: (body) => pickIds(body, ['consignmentId']),
};
