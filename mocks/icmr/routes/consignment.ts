import { createHash } from 'node:crypto';
import { errorResponse } from '../../http/errorResponse.ts';
import { jsonResponse } from '../../http/jsonResponse.ts';
import { parseBody } from '../../http/parseBody.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import type { ServiceRuntime } from '../../runtime.ts';
import { consignmentSchema } from '../schemas.ts';
import type { IcmrState } from '../state.ts';

/**
 * `POST /icmr/v1/consignments`: a batch of SRFs dispatched to a lab; returns a consignment ID. Unknown SRFs
 * get 422 listing each; an SRF already in another consignment gets 409.
 */
export function consignmentRoute(runtime: ServiceRuntime, state: IcmrState): MockRoute {
  return defineRoute({
    service: 'icmr',
    method: 'POST',
    path: '/icmr/v1/consignments',
    write: true,
    session: true,
    summary: 'create a consignment for a batch of SRFs',
    async resolve({ request, meta }) {
      const parsed = await parseBody({ request, service: 'icmr', schema: consignmentSchema });
      if (!parsed.ok) return parsed.response;
      const { labId, srfIds } = parsed.data;
      const unknown = srfIds.map((srfId, i) => ({ srfId, i })).filter(({ srfId }) => !state.srfs.has(srfId));
      if (unknown.length > 0) {
        return errorResponse({ status: 422, service: 'icmr', code: 'unknown_srf', message: `${unknown.length} SRF IDs are not known`, fields: unknown.map(({ srfId, i }) => ({ path: `srfIds.${i}`, message: 'unknown SRF ID', got: JSON.stringify(srfId) })) });
      }
      const taken = srfIds.map((srfId, i) => ({ srf: state.srfs.get(srfId)!, i })).filter(({ srf }) => srf.consignmentId !== null);
      if (taken.length > 0) {
        return errorResponse({ status: 409, service: 'icmr', code: 'srf_in_consignment', message: `${taken.length} SRFs are already in a consignment`, fields: taken.map(({ srf, i }) => ({ path: `srfIds.${i}`, message: `already in consignment ${srf.consignmentId}`, got: JSON.stringify(srf.srfId) })) });
      }
      const consignmentId = state.next('consignment');
      const digest = createHash('sha1').update([...srfIds].sort().join(',')).digest('hex').slice(0, 16);
      if (runtime.recordWrite({ meta, entity: 'consignment', id: consignmentId, businessKey: `consignment|${labId}|${digest}` })) {
        state.consignments.set(consignmentId, { consignmentId, labId, srfIds, createdAt: runtime.now() });
        for (const srfId of srfIds) state.srfs.get(srfId)!.consignmentId = consignmentId;
      }
      return jsonResponse(201, { consignmentId, labId, count: srfIds.length });
    },
  });
}
