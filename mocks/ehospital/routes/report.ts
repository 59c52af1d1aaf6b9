import { jsonResponse } from '../../http/jsonResponse.ts';
import { notFound } from '../../http/notFound.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import type { EhospitalState } from '../state.ts';

/**
 * `GET /ehospital/v1/reports/:orderId`: `pending` until every sample of the order is collected, then `ready`
 * with one synthetic result per test (values are placeholders, not clinical).
 */
export function reportRoute(state: EhospitalState): MockRoute {
  return defineRoute({
    service: 'ehospital',
    method: 'GET',
    path: '/ehospital/v1/reports/:orderId',
    session: true,
    summary: 'lab report of an order: pending until its samples are collected',
    resolve({ params }) {
      const order = state.orders.get(params.orderId!);
      if (!order) return notFound('ehospital', 'lab-order', params.orderId!);
      const samples = order.barcodes.map((barcode) => state.samples.get(barcode));
      const ready = samples.length > 0 && samples.every((sample) => sample?.status === 'collected');
      return jsonResponse(200, {
        orderId: order.orderId,
        uhid: order.uhid,
        status: ready ? 'ready' : 'pending',
        results: ready ? order.tests.map((test) => ({ test, value: 'within reference range', synthetic: true })) : [],
      });
    },
  });
}
