import { jsonResponse } from '../../http/jsonResponse.ts';
import { notFound } from '../../http/notFound.ts';
import { parseBody } from '../../http/parseBody.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import type { ServiceRuntime } from '../../runtime.ts';
import { resultSchema } from '../schemas.ts';
import type { IcmrState } from '../state.ts';
import { claimSrf } from './labFetch.ts';

/** `POST /icmr/v1/results`: a lab uploads the result of an SRF it owns (24-hour upload deadline [25]). */
export function resultRoute(runtime: ServiceRuntime, state: IcmrState): MockRoute {
  return defineRoute({
    service: 'icmr',
    method: 'POST',
    path: '/icmr/v1/results',
    write: true,
    session: true,
    summary: 'upload the result of an SRF',
    async resolve({ request, meta }) {
      const parsed = await parseBody({ request, service: 'icmr', schema: resultSchema });
      if (!parsed.ok) return parsed.response;
      const body = parsed.data;
      const srf = state.srfs.get(body.srfId);
      if (!srf) return notFound('icmr', 'srf', body.srfId);
      const conflict = claimSrf(srf, body.labId);
      if (conflict) return conflict;
      const resultId = state.next('result');
      if (runtime.recordWrite({ meta, entity: 'result', id: resultId, businessKey: `result|${body.srfId}` })) {
        state.results.set(resultId, { resultId, srfId: body.srfId, labId: body.labId, result: body.result, createdAt: runtime.now() });
        srf.result = body.result;
      }
      return jsonResponse(201, { resultId, srfId: body.srfId, result: body.result });
    },
  });
}
