import { field, pickIds, type JourneyStep } from './journeyStep.ts';

/**
 * Register patient: `POST /opd/registrations` -> e-Hospital `POST /ehospital/v1/registrations`
 * (docs/nic-mocks.md). New patients get a UHID; follow-ups send theirs and get a new visit.
 */
export const registerStep: JourneyStep = {
  step: 'register',
  route: 'POST /opd/registrations',
  service: 'ehospital',
  refs: ['uhid'],
  provides: ['uhid', 'visitId', 'tokenNo'],
  queueable: true,
  toNic: ({ body }) => {
    if (field(body, 'patient') === undefined || typeof field(body, 'department') !== 'string') {
      return 'body must carry patient and department';
    }
    const visitType = field(body, 'visitType');
    if (visitType !== 'new' && visitType !== 'followup') return `visitType must be new or followup (got ${JSON.stringify(visitType)})`;
    const uhid = field(body, 'uhid');
    return {
      method: 'POST',
      path: '/ehospital/v1/registrations',
      body: { patient: field(body, 'patient'), department: field(body, 'department'), visitType, ...(uhid !== undefined ? { uhid } : {}) },
      write: true,
    };
  },
  fromNic: (body) => pickIds(body, ['uhid', 'visitId', 'tokenNo'], ['appointmentNo']),
};
