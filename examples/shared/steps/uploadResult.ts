import { isoTime, ownLabCode } from './nicCodes.ts';
import { field, pickIds, type JourneyStep } from './journeyStep.ts';

/** Upload result: `POST /icmr/results` -> ICMR `POST /icmr/v1/results` (the client's own lab unless named). */
export const uploadResultStep: JourneyStep = {
  step: 'uploadResult',
  route: 'POST /icmr/results',
  service: 'icmr',
  refs: ['srfId'],
  provides: ['resultId'],
  queueable: true,
  toNic: ({ body }) => {
    const srfId = field(body, 'srfId');
    const result = field(body, 'result');
    if (typeof srfId !== 'string') return 'body must carry srfId';
    if (typeof result !== 'string') return 'body must carry result';
    const testedAt = isoTime(field(body, 'testedAt'));
    if (!testedAt) return 'body must carry testedAt (epoch ms)';
    const labCode = field(body, 'labCode');
    const ct = field(body, 'ctValue');
    return {
      method: 'POST',
      path: '/icmr/v1/results',
      body: { srfId, labId: typeof labCode === 'string' ? labCode : ownLabCode, result, testedAt, ...(typeof ct === 'number' ? { ctValues: { n: ct } } : {}) },
      write: true,
    };
  },
  fromNic: (body) => pickIds(body, ['resultId']),
};
