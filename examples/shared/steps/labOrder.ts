import { nicTestCode } from './nicCodes.ts';
import { field, pickIds, type JourneyStep } from './journeyStep.ts';

/** Lab order: `POST /lab/orders` -> e-Hospital `POST /ehospital/v1/lab-orders` (test names mapped to NIC codes). */
export const labOrderStep: JourneyStep = {
  step: 'labOrder',
  route: 'POST /lab/orders',
  service: 'ehospital',
  refs: ['uhid', 'visitId'],
  provides: ['orderId'],
  queueable: true,
  toNic: ({ body }) => {
    const visitId = field(body, 'visitId');
    const tests = field(body, 'tests');
    if (typeof visitId !== 'string') return 'body must carry visitId';
    if (!Array.isArray(tests) || tests.length === 0) return 'body must carry tests (a non-empty list)';
    return { method: 'POST', path: '/ehospital/v1/lab-orders', body: { visitId, tests: tests.map((test) => nicTestCode(String(test))) }, write: true };
  },
  fromNic: (body) => pickIds(body, ['orderId'], ['amountRupees']),
};
