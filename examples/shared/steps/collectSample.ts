import { field, type JourneyStep } from './journeyStep.ts';

/**
 * Collect sample: `POST /lab/samples` -> e-Hospital `POST /ehospital/v1/samples/:barcode/collection`.
 * e-Hospital names a collected sample by its barcode, so `sampleId` is the barcode.
 */
export const collectSampleStep: JourneyStep = {
  step: 'collectSample',
  route: 'POST /lab/samples',
  service: 'ehospital',
  refs: ['orderId', 'barcode'],
  provides: ['sampleId'],
  queueable: true,
  toNic: ({ body }) => {
    const barcode = field(body, 'barcode');
    if (typeof barcode !== 'string') return 'body must carry barcode';
    const collectedBy = field(body, 'collectedBy');
    return { method: 'POST', path: `/ehospital/v1/samples/${encodeURIComponent(barcode)}/collection`, body: typeof collectedBy === 'string' ? { collectedBy } : {}, write: true };
  },
  fromNic: (body) => {
    const barcode = field(body, 'barcode');
    if (typeof barcode !== 'string') return `NIC answered without barcode (got ${JSON.stringify(body).slice(0, 200)})`;
    const collectedAt = field(body, 'collectedAt');
    return { sampleId: barcode, ...(typeof collectedAt === 'string' ? { collectedAt } : {}) };
  },
};
