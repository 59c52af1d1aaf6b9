import { errorResponse } from '../../http/errorResponse.ts';
import { jsonResponse } from '../../http/jsonResponse.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import { normaliseAbha, normaliseMobile } from '../../shared/fields.ts';
import type { EhospitalState } from '../state.ts';

/** `GET /ehospital/v1/patients?mobile=|uhid=|abha=`: patient search (ORS flow starts by mobile, [8]). */
export function searchRoute(state: EhospitalState): MockRoute {
  return defineRoute({
    service: 'ehospital',
    method: 'GET',
    path: '/ehospital/v1/patients',
    session: true,
    summary: 'search patients by mobile, UHID or ABHA number',
    resolve({ request }) {
      const query = new URL(request.url).searchParams;
      const mobile = query.get('mobile');
      const uhid = query.get('uhid');
      const abha = query.get('abha');
      let uhids: string[];
      if (uhid) uhids = state.patients.has(uhid) ? [uhid] : [];
      else if (mobile) uhids = state.byMobile.get(normaliseMobile(mobile)) ?? [];
      else if (abha) uhids = [state.byAbha.get(normaliseAbha(abha))].filter((id): id is string => id !== undefined);
      else {
        return errorResponse({ status: 400, service: 'ehospital', code: 'invalid_query', message: 'give one of mobile, uhid or abha', fields: [{ path: 'query', message: 'one of mobile, uhid, abha is required' }] });
      }
      return jsonResponse(200, { patients: uhids.map((id) => state.patients.get(id)).filter(Boolean) });
    },
  });
}
