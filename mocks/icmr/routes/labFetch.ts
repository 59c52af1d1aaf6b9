import { errorResponse } from '../../http/errorResponse.ts';
import { jsonResponse } from '../../http/jsonResponse.ts';
import { notFound } from '../../http/notFound.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import type { IcmrState, Srf } from '../state.ts';

/** 409 when another lab has already fetched the SRF (an SRF belongs to one lab, [23]). */
export function claimSrf(srf: Srf, labId: string): Response | undefined {
  if (srf.labId === null) srf.labId = labId;
  if (srf.labId === labId) return undefined;
  return errorResponse({ status: 409, service: 'icmr', code: 'srf_other_lab', message: `SRF ${srf.srfId} was already fetched by lab ${srf.labId}`, extra: { labId: srf.labId } });
}

/** `GET /icmr/v1/labs/:labId/srfs/:srfId`: a lab fetches an SRF; the first lab to fetch it owns it. */
export function labFetchRoute(state: IcmrState): MockRoute {
  return defineRoute({
    service: 'icmr',
    method: 'GET',
    path: '/icmr/v1/labs/:labId/srfs/:srfId',
    session: true,
    summary: 'lab fetch by SRF ID (a second lab gets 409)',
    resolve({ params }) {
      const srf = state.srfs.get(params.srfId!);
      if (!srf) return notFound('icmr', 'srf', params.srfId!);
      return claimSrf(srf, params.labId!) ?? jsonResponse(200, srf);
    },
  });
}
