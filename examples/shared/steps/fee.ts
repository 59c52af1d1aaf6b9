import { nicTestCode } from './nicCodes.ts';
import { field, pickIds, type JourneyStep } from './journeyStep.ts';

/** Fee: `POST /opd/fees` -> e-Hospital `POST /ehospital/v1/bills` (OPD card, or the tests named). */
export const feeStep: JourneyStep = {
  step: 'fee',
  route: 'POST /opd/fees',
  service: 'ehospital',
  refs: ['uhid', 'visitId'],
  provides: ['billId'],
  queueable: true,
  toNic: ({ body }) => {
    const visitId = field(body, 'visitId');
    if (typeof visitId !== 'string') return 'body must carry visitId';
    const purpose = field(body, 'purpose') ?? 'opd-card';
    const tests = field(body, 'tests');
    let codes: string[];
    if (purpose === 'opd-card') codes = ['OPD_CARD'];
    else if (purpose === 'lab-tests' && Array.isArray(tests) && tests.length > 0) codes = tests.map((test) => nicTestCode(String(test)));
    else return `purpose must be opd-card, or lab-tests with tests (got ${JSON.stringify(purpose)})`;
    return { method: 'POST', path: '/ehospital/v1/bills', body: { visitId, items: codes.map((code) => ({ code })) }, write: true };
  },
  fromNic: (body) => pickIds(body, ['billId'], ['amountRupees']),
};
