import { callbackUrlFor } from '../callbacks/callbackInbox.ts';
import { field, pickIds, type JourneyStep } from './journeyStep.ts';

/**
 * Online payment: `POST /opd/payments` -> payment gateway `POST /payment/v1/qr` (a fresh dynamic UPI QR per
 * payment, KGMU [19]); the patient pays and the gateway's webhook confirms it, or `GET /payment/v1/qr/:qrId`
 * when asked. The order reference is the visit and purpose: one payment per fee.
 */
export const onlinePaymentStep: JourneyStep = {
  step: 'onlinePayment',
  route: 'POST /opd/payments',
  service: 'payment',
  refs: ['uhid', 'visitId'],
  provides: ['qrId', 'utr'],
  queueable: false,
  whenUnavailable: 'fee recorded as cash-pending',
  toNic: ({ body }) => {
    const visitId = field(body, 'visitId');
    const amountInr = field(body, 'amountInr');
    if (typeof visitId !== 'string' || typeof amountInr !== 'number') return 'body must carry visitId and amountInr';
    const purpose = String(field(body, 'purpose') ?? 'opd-card');
    return {
      method: 'POST',
      path: '/payment/v1/qr',
      body: { orderRef: `${visitId}:${purpose}`, amountPaise: Math.round(amountInr * 100), purpose, callbackUrl: callbackUrlFor('payment-webhook') },
      write: true,
    };
  },
  fromNic: (body) => pickIds(body, ['qrId'], ['amountPaise']),
  callback: {
    kind: 'payment-webhook',
    keyOf: (ids) => String(ids.qrId),
    fromCallback: (body) => (field(body, 'status') === 'paid' ? pickIds(body, ['utr']) : `payment webhook without a payment (got ${JSON.stringify(body).slice(0, 200)})`),
    poll: (ids) => ({ method: 'GET', path: `/payment/v1/qr/${encodeURIComponent(String(ids.qrId))}`, write: false }),
    fromPoll: (body) => (field(body, 'status') === 'paid' ? (pickIds(body, ['utr']) as Record<string, unknown>) : undefined),
  },
};
