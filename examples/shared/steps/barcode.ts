import { field, pickIds, type JourneyStep } from './journeyStep.ts';

/** Barcode: `POST /lab/barcodes` -> e-Hospital `POST /ehospital/v1/lab-orders/:orderId/samples`. */
export const barcodeStep: JourneyStep = {
  step: 'barcode',
  route: 'POST /lab/barcodes',
  service: 'ehospital',
  refs: ['orderId'],
  provides: ['barcode'],
  queueable: true,
  toNic: ({ body }) => {
    const orderId = field(body, 'orderId');
    if (typeof orderId !== 'string') return 'body must carry orderId';
    const specimen = field(body, 'specimen') ?? 'blood';
    return { method: 'POST', path: `/ehospital/v1/lab-orders/${encodeURIComponent(orderId)}/samples`, body: { specimen }, write: true };
  },
  fromNic: (body) => pickIds(body, ['barcode']),
};
