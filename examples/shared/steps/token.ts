import { field, pickIds, type JourneyStep } from './journeyStep.ts';

/**
 * Token: `POST /opd/tokens` -> e-Hospital `GET /ehospital/v1/visits/:visitId`. NIC issued the token at
 * registration; printing it reads the visit (a read: nothing is written at NIC).
 */
export const tokenStep: JourneyStep = {
  step: 'token',
  route: 'POST /opd/tokens',
  service: 'ehospital',
  refs: ['uhid', 'visitId'],
  provides: ['tokenNo'],
  queueable: false,
  toNic: ({ body }) => {
    const visitId = field(body, 'visitId');
    if (typeof visitId !== 'string') return 'body must carry visitId';
    return { method: 'GET', path: `/ehospital/v1/visits/${encodeURIComponent(visitId)}`, write: false };
  },
  fromNic: (body) => pickIds(body, ['tokenNo'], ['appointmentNo', 'feePaid']),
};
