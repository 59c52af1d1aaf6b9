import { jsonResponse } from '../../http/jsonResponse.ts';
import { parseBody } from '../../http/parseBody.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import type { ServiceRuntime } from '../../runtime.ts';
import { normaliseMobile } from '../../shared/fields.ts';
import { srfSchema } from '../schemas.ts';
import type { IcmrState } from '../state.ts';

/** `POST /icmr/v1/srfs`: creates an SRF with a 13-digit SRF ID; a patient known by mobile and name keeps their patient ID. */
export function createSrfRoute(runtime: ServiceRuntime, state: IcmrState): MockRoute {
  return defineRoute({
    service: 'icmr',
    method: 'POST',
    path: '/icmr/v1/srfs',
    write: true,
    session: true,
    summary: 'create an SRF (Specimen Referral Form): 13-digit SRF ID',
    async resolve({ request, meta }) {
      const parsed = await parseBody({ request, service: 'icmr', schema: srfSchema });
      if (!parsed.ok) return parsed.response;
      const body = parsed.data;
      const mobile = normaliseMobile(body.patient.mobile);
      const name = body.patient.name.trim().toLowerCase();
      const known = state.patientsByMobile.get(mobile)?.get(name);
      const patientId = known?.patientId ?? state.next('patient');
      const srfId = state.next('srf');
      const stored = runtime.recordWrite({ meta, entity: 'srf', id: srfId, businessKey: `srf|${mobile}|${name}|${body.collectedAt}|${body.specimenType}` });
      if (stored) {
        state.addSrf(body, srfId, patientId, runtime.now());
        let byName = state.patientsByMobile.get(mobile);
        if (!byName) state.patientsByMobile.set(mobile, (byName = new Map()));
        const patient = byName.get(name) ?? { patientId, name: body.patient.name, srfIds: [] };
        patient.srfIds.push(srfId);
        byName.set(name, patient);
      }
      return jsonResponse(201, { srfId, patientId, repeatPatient: known !== undefined });
    },
  });
}
