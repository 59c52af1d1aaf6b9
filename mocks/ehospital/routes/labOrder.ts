import { errorResponse } from '../../http/errorResponse.ts';
import { jsonResponse } from '../../http/jsonResponse.ts';
import { notFound } from '../../http/notFound.ts';
import { parseBody } from '../../http/parseBody.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import type { ServiceRuntime } from '../../runtime.ts';
import { FEES, TEST_CODES } from '../fees.ts';
import { labOrderSchema } from '../schemas.ts';
import type { EhospitalState } from '../state.ts';

/** `POST /ehospital/v1/lab-orders`: tests ordered for a visit (LIS: order -> barcode -> collection -> report [37]). */
export function labOrderRoute(runtime: ServiceRuntime, state: EhospitalState): MockRoute {
  return defineRoute({
    service: 'ehospital',
    method: 'POST',
    path: '/ehospital/v1/lab-orders',
    write: true,
    session: true,
    summary: 'order lab tests for a visit',
    async resolve({ request, meta }) {
      const parsed = await parseBody({ request, service: 'ehospital', schema: labOrderSchema });
      if (!parsed.ok) return parsed.response;
      const { visitId, tests } = parsed.data;
      const visit = state.visits.get(visitId);
      if (!visit) return notFound('ehospital', 'visit', visitId);
      const unknown = tests.map((code, i) => ({ code, i })).filter(({ code }) => !TEST_CODES.includes(code));
      if (unknown.length > 0) {
        return errorResponse({
          status: 400,
          service: 'ehospital',
          code: 'invalid_body',
          message: `unknown test codes; known: ${TEST_CODES.join(', ')}`,
          fields: unknown.map(({ i, code }) => ({ path: `tests.${i}`, message: 'unknown test code', got: JSON.stringify(code) })),
        });
      }
      const orderId = state.nextId('LO');
      const amountRupees = tests.reduce((sum, code) => sum + FEES[code]!, 0);
      if (runtime.recordWrite({ meta, entity: 'lab-order', id: orderId, businessKey: `lab-order|${visitId}|${[...tests].sort().join(',')}` })) {
        state.orders.set(orderId, { orderId, visitId, uhid: visit.uhid, tests, amountRupees, createdAt: runtime.now(), barcodes: [] });
      }
      return jsonResponse(201, { orderId, visitId, tests, amountRupees });
    },
  });
}
