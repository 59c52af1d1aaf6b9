import { jsonResponse } from '../../http/jsonResponse.ts';
import { notFound } from '../../http/notFound.ts';
import { parseBody } from '../../http/parseBody.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import type { ServiceRuntime } from '../../runtime.ts';
import { sampleSchema } from '../schemas.ts';
import type { EhospitalState } from '../state.ts';

/** `POST /ehospital/v1/lab-orders/:orderId/samples`: a sample barcode for one specimen ("no barcode, no sample" [37]). */
export function sampleRoute(runtime: ServiceRuntime, state: EhospitalState): MockRoute {
  return defineRoute({
    service: 'ehospital',
    method: 'POST',
    path: '/ehospital/v1/lab-orders/:orderId/samples',
    write: true,
    session: true,
    summary: 'issue a sample barcode for a lab order',
    async resolve({ request, params, meta }) {
      const orderId = params.orderId!;
      const order = state.orders.get(orderId);
      if (!order) return notFound('ehospital', 'lab-order', orderId);
      const parsed = await parseBody({ request, service: 'ehospital', schema: sampleSchema });
      if (!parsed.ok) return parsed.response;
      const barcode = state.nextId('SB');
      if (runtime.recordWrite({ meta, entity: 'sample', id: barcode, businessKey: `sample|${orderId}|${parsed.data.specimen}` })) {
        state.samples.set(barcode, { barcode, orderId, specimen: parsed.data.specimen, status: 'labelled', createdAt: runtime.now(), collectedAt: null });
        order.barcodes.push(barcode);
      }
      return jsonResponse(201, { barcode, orderId, specimen: parsed.data.specimen });
    },
  });
}
