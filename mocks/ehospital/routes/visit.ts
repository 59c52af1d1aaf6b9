import { jsonResponse } from '../../http/jsonResponse.ts';
import { notFound } from '../../http/notFound.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import type { EhospitalState } from '../state.ts';

/** `GET /ehospital/v1/visits/:visitId`: the visit's token, appointment number and whether the OPD card fee is paid. */
export function visitRoute(state: EhospitalState): MockRoute {
  return defineRoute({
    service: 'ehospital',
    method: 'GET',
    path: '/ehospital/v1/visits/:visitId',
    session: true,
    summary: 'one OPD visit: token, appointment number, fee status',
    resolve({ params }) {
      const visit = state.visits.get(params.visitId!);
      return visit ? jsonResponse(200, visit) : notFound('ehospital', 'visit', params.visitId!);
    },
  });
}
