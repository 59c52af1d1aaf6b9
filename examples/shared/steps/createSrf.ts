import { icmrSpecimen, icmrTestType, isoTime } from './nicCodes.ts';
import { field, pickIds, type JourneyStep } from './journeyStep.ts';

/** Create SRF: `POST /icmr/srfs` -> ICMR `POST /icmr/v1/srfs` (specimen and times in the portal's terms). */
export const createSrfStep: JourneyStep = {
  step: 'createSrf',
  route: 'POST /icmr/srfs',
  service: 'icmr',
  refs: [],
  provides: ['srfId'],
  queueable: true,
  toNic: ({ body }) => {
    const patient = field(body, 'patient');
    if (patient === undefined) return 'body must carry patient';
    const specimenName = field(body, 'specimenType');
    const specimenType = typeof specimenName === 'string' ? icmrSpecimen(specimenName) : undefined;
    if (!specimenType) return `specimenType ${JSON.stringify(specimenName)} has no ICMR equivalent (nasopharyngeal, oropharyngeal, nasal, saliva, blood)`;
    const collectedAt = isoTime(field(body, 'collectedAt'));
    if (!collectedAt) return 'body must carry collectedAt (epoch ms)';
    const testType = field(body, 'testType');
    return {
      method: 'POST',
      path: '/icmr/v1/srfs',
      body: { patient, specimenType, testType: icmrTestType(typeof testType === 'string' ? testType : undefined), collectedAt },
      write: true,
    };
  },
  fromNic: (body) => pickIds(body, ['srfId'], ['patientId']),
};
