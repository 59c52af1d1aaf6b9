import { z } from 'zod';
import { isLoopbackUrl } from '../callbacks/isLoopbackUrl.ts';
import { errorResponse } from '../http/errorResponse.ts';
import { jsonResponse } from '../http/jsonResponse.ts';
import { notFound } from '../http/notFound.ts';
import { defineRoute, type MockRoute } from '../http/route.ts';
import { parseBody } from '../http/parseBody.ts';
import type { ServiceRuntime } from '../runtime.ts';

const qrSchema = z.object({
  orderRef: z.string().min(1).max(64),
  amountPaise: z.number().int().positive().max(10_000_000),
  purpose: z.string().max(100).optional(),
  callbackUrl: z.string().refine(isLoopbackUrl, 'callbackUrl must be an http(s) URL on loopback').optional(),
});

/** A dynamic QR is valid 15 minutes of the incident clock (assumption). */
const QR_VALIDITY_SIM_MS = 15 * 60 * 1000;

interface Qr {
  qrId: string;
  orderRef: string;
  amountPaise: number;
  status: 'pending' | 'paid' | 'expired';
  createdAt: number;
  expiresAt: number;
  paidAt: number | null;
  utr: string | null;
  callbackUrl: string | null;
  clientRef: string | null;
  clientId: string;
}

/**
 * The payment gateway mock: a fresh dynamic UPI QR per payment (KGMU [19]), a status poll, and a webhook to
 * the client's `callbackUrl` when the (simulated) patient pays: after `autoPayMs`, or on `POST .../pay`.
 */
export function createPayment(runtime: ServiceRuntime): MockRoute[] {
  const qrs = new Map<string, Qr>();
  let seq = 0;
  const view = (qr: Qr) => ({
    qrId: qr.qrId,
    orderRef: qr.orderRef,
    amountPaise: qr.amountPaise,
    status: qr.status === 'pending' && runtime.now() > qr.expiresAt ? 'expired' : qr.status,
    expiresAt: new Date(qr.expiresAt).toISOString(),
    paidAt: qr.paidAt === null ? null : new Date(qr.paidAt).toISOString(),
    utr: qr.utr,
  });
  const pay = (qr: Qr): void => {
    if (qr.status !== 'pending') return;
    qr.status = 'paid';
    qr.paidAt = runtime.now();
    qr.utr = String(100000000000 + Math.floor(runtime.rng() * 899999999999));
    // One capture per order is right; two for one orderRef is a patient charged twice (integrity counts it).
    runtime.recordEvent({ clientRef: qr.clientRef, clientId: qr.clientId, entity: 'payment-capture', id: qr.utr, businessKey: `capture|${qr.orderRef}` });
    if (qr.callbackUrl) {
      runtime.callbacks.send({
        service: 'payment',
        route: '/payment/v1/qr',
        url: qr.callbackUrl,
        body: { event: 'payment.success', ...view(qr) },
        delayMs: runtime.times.delayMs(runtime.config.callbackDelayMs),
      });
    }
  };

  const createQr = defineRoute({
    service: 'payment',
    method: 'POST',
    path: '/payment/v1/qr',
    write: true,
    summary: 'create a dynamic UPI QR for one payment',
    async resolve({ request, meta }) {
      const parsed = await parseBody({ request, service: 'payment', schema: qrSchema });
      if (!parsed.ok) return parsed.response;
      const { orderRef, amountPaise, callbackUrl } = parsed.data;
      const qrId = `QR${String(++seq).padStart(10, '0')}`;
      const now = runtime.now();
      const qr: Qr = { qrId, orderRef, amountPaise, status: 'pending', createdAt: now, expiresAt: now + runtime.times.simDelayMs(QR_VALIDITY_SIM_MS, now), paidAt: null, utr: null, callbackUrl: callbackUrl ?? null, clientRef: meta.clientRef, clientId: meta.clientId };
      if (runtime.recordWrite({ meta, entity: 'payment-qr', id: qrId, businessKey: `qr|${orderRef}|${amountPaise}` })) {
        qrs.set(qrId, qr);
        const autoPayMs = runtime.config.autoPayMs;
        if (autoPayMs !== null) runtime.callbacks.schedule({ service: 'payment', route: '/payment/v1/qr/:qrId/pay', what: `pay/${qrId}`, delayMs: runtime.times.delayMs(autoPayMs, now), run: () => pay(qr) });
      }
      const rupees = (amountPaise / 100).toFixed(2);
      const upiUri = `upi://pay?pa=thap.hospital@sbx&pn=THAP%20Mock%20Hospital&am=${rupees}&cu=INR&tr=${qrId}&tn=${encodeURIComponent(orderRef)}`;
      return jsonResponse(201, { ...view(qr), upiUri });
    },
  });

  const getQr = defineRoute({
    service: 'payment',
    method: 'GET',
    path: '/payment/v1/qr/:qrId',
    summary: 'payment status of a QR (poll)',
    resolve({ params }) {
      const qr = qrs.get(params.qrId!);
      return qr ? jsonResponse(200, view(qr)) : notFound('payment', 'qr', params.qrId!);
    },
  });

  const payQr = defineRoute({
    service: 'payment',
    method: 'POST',
    path: '/payment/v1/qr/:qrId/pay',
    summary: 'the simulated patient pays the QR (fires the webhook)',
    resolve({ params }) {
      const qr = qrs.get(params.qrId!);
      if (!qr) return notFound('payment', 'qr', params.qrId!);
      if (runtime.now() > qr.expiresAt && qr.status === 'pending') return errorResponse({ status: 410, service: 'payment', code: 'qr_expired', message: `QR ${qr.qrId} expired` });
      pay(qr);
      return jsonResponse(200, view(qr));
    },
  });

  return [createQr, getQr, payQr];
}
