import { errorResponse } from '../../http/errorResponse.ts';
import { jsonResponse } from '../../http/jsonResponse.ts';
import { notFound } from '../../http/notFound.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import { normaliseMobile } from '../../shared/fields.ts';
import type { IcmrState } from '../state.ts';

/** `GET /icmr/v1/patients?mobile=A[,B[,C]]`: repeat patient by up to three mobiles ([20]). */
export function repeatPatientRoute(state: IcmrState): MockRoute {
  return defineRoute({
    service: 'icmr',
    method: 'GET',
    path: '/icmr/v1/patients',
    session: true,
    summary: 'find a repeat patient by up to three mobiles',
    resolve({ request }) {
      const mobiles = (new URL(request.url).searchParams.get('mobile') ?? '').split(',').filter(Boolean);
      if (mobiles.length === 0 || mobiles.length > 3 || mobiles.some((mobile) => !/^(\+91)?[6-9]\d{9}$/.test(mobile))) {
        return errorResponse({ status: 400, service: 'icmr', code: 'invalid_query', message: 'mobile: 1-3 comma-separated 10-digit mobiles', fields: [{ path: 'query.mobile', message: '1-3 mobiles starting 6-9', got: JSON.stringify(mobiles.join(',')) }] });
      }
      const patients = mobiles.flatMap((mobile) => [...(state.patientsByMobile.get(normaliseMobile(mobile))?.values() ?? [])]);
      return jsonResponse(200, { patients });
    },
  });
}

/** `GET /icmr/v1/srfs/:srfId`: one SRF with its consignment, lab and result. */
export function getSrfRoute(state: IcmrState): MockRoute {
  return defineRoute({
    service: 'icmr',
    method: 'GET',
    path: '/icmr/v1/srfs/:srfId',
    session: true,
    summary: 'one SRF: consignment, lab, result',
    resolve({ params }) {
      const srf = state.srfs.get(params.srfId!);
      return srf ? jsonResponse(200, srf) : notFound('icmr', 'srf', params.srfId!);
    },
  });
}
