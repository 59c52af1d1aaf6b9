import { jsonResponse } from '../../http/jsonResponse.ts';
import { parseBody } from '../../http/parseBody.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import type { ServiceRuntime } from '../../runtime.ts';
import { normaliseMobile } from '../../shared/fields.ts';
import { registrationSchema } from '../schemas.ts';
import type { EhospitalState } from '../state.ts';

/**
 * `POST /ehospital/v1/registrations`: registers a new patient (new UHID) or a returning one (same UHID),
 * and opens an OPD visit with an appointment number and queue token (nic-services.md, ORS flow [8]).
 * A `uhid` this mock has never seen is taken as a patient registered before the run and kept.
 */
export function registerRoute(runtime: ServiceRuntime, state: EhospitalState): MockRoute {
  return defineRoute({
    service: 'ehospital',
    method: 'POST',
    path: '/ehospital/v1/registrations',
    write: true,
    session: true,
    summary: 'register a patient and open an OPD visit (UHID, visit, appointment number, token)',
    async resolve({ request, meta }) {
      const parsed = await parseBody({ request, service: 'ehospital', schema: registrationSchema });
      if (!parsed.ok) return parsed.response;
      const body = parsed.data;
      const mobile = normaliseMobile(body.patient.mobile);
      const existing = body.uhid ?? findReturning(state, mobile, body.patient.name, body.visitType);
      const uhid = existing ?? state.nextUhid();
      const visitId = state.nextVisitId();
      const { tokenNo, appointmentNo } = state.nextToken(body.department);
      const identity = body.uhid ?? `${mobile}|${body.patient.name.trim().toLowerCase()}`;
      const stored = runtime.recordWrite({
        meta,
        entity: 'registration',
        id: visitId,
        businessKey: `registration|${identity}|${body.department.trim().toLowerCase()}|${body.visitType}`,
      });
      const now = runtime.now();
      if (stored) {
        if (!state.patients.has(uhid)) state.newPatient(body.patient, uhid, now);
        state.addVisit({ visitId, uhid, department: body.department, visitType: body.visitType, appointmentNo, tokenNo, createdAt: now });
      }
      return jsonResponse(201, { uhid, visitId, appointmentNo, tokenNo, newPatient: existing === undefined });
    },
  });
}

function findReturning(state: EhospitalState, mobile: string, name: string, visitType: 'new' | 'followup'): string | undefined {
  if (visitType !== 'followup') return undefined;
  const wanted = name.trim().toLowerCase();
  return state.byMobile.get(mobile)?.find((uhid) => state.patients.get(uhid)?.name.trim().toLowerCase() === wanted);
}
