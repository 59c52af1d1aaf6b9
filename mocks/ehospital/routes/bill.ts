import { errorResponse } from '../../http/errorResponse.ts';
import { jsonResponse } from '../../http/jsonResponse.ts';
import { notFound } from '../../http/notFound.ts';
import { parseBody } from '../../http/parseBody.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import type { ServiceRuntime } from '../../runtime.ts';
import { FEES } from '../fees.ts';
import { billSchema } from '../schemas.ts';
import type { EhospitalState } from '../state.ts';

/** `POST /ehospital/v1/bills`: OPD card and test fees for a visit (nic-services.md "Money"). */
export function billRoute(runtime: ServiceRuntime, state: EhospitalState): MockRoute {
  return defineRoute({
    service: 'ehospital',
    method: 'POST',
    path: '/ehospital/v1/bills',
    write: true,
    session: true,
    summary: 'bill the OPD card and test fees of a visit',
    async resolve({ request, meta }) {
      const parsed = await parseBody({ request, service: 'ehospital', schema: billSchema });
      if (!parsed.ok) return parsed.response;
      const { visitId, items } = parsed.data;
      const visit = state.visits.get(visitId);
      if (!visit) return notFound('ehospital', 'visit', visitId);
      const unknown = items.map((item, i) => ({ i, code: item.code })).filter(({ code }) => FEES[code] === undefined);
      if (unknown.length > 0) {
        return errorResponse({
          status: 400,
          service: 'ehospital',
          code: 'invalid_body',
          message: `unknown fee codes; known: ${Object.keys(FEES).join(', ')}`,
          fields: unknown.map(({ i, code }) => ({ path: `items.${i}.code`, message: 'unknown fee code', got: JSON.stringify(code) })),
        });
      }
      const billId = state.nextId('B');
      const lines = items.map(({ code }) => ({ code, amountRupees: FEES[code]! }));
      const amountRupees = lines.reduce((sum, line) => sum + line.amountRupees, 0);
      const codes = items.map((item) => item.code).sort().join(',');
      if (runtime.recordWrite({ meta, entity: 'bill', id: billId, businessKey: `bill|${visitId}|${codes}` })) {
        state.bills.set(billId, { billId, visitId, items: lines, amountRupees, createdAt: runtime.now() });
        if (items.some((item) => item.code === 'OPD_CARD')) visit.feePaid = true;
      }
      return jsonResponse(201, { billId, visitId, items: lines, amountRupees });
    },
  });
}

/** `GET /ehospital/v1/bills/:billId`: one bill, as its POST answered it; 404 when NIC never stored it. */
export function billLookupRoute(state: EhospitalState): MockRoute {
  return defineRoute({
    service: 'ehospital',
    method: 'GET',
    path: '/ehospital/v1/bills/:billId',
    session: true,
    summary: 'one bill: its visit, items and amount',
    resolve({ params }) {
      const bill = state.bills.get(params.billId!);
      return bill ? jsonResponse(200, bill) : notFound('ehospital', 'bill', params.billId!);
    },
  });
}
