import type { ClientConfig } from '../shared/config.ts';
import { requireNicUrl } from '../shared/config.ts';
import { route, startJsonServer, type RunningServer } from '../shared/jsonServer.ts';
import { callNic, NicUnreachableError } from '../shared/nicCall.ts';
import { outcomeLogger, type OutcomeLogger } from '../shared/outcomeLog.ts';
import { field } from '../shared/steps/journeyStep.ts';
import type { ArogyaEncounterReply, ArogyaEncounterRequest } from './api.ts';
import { correlationIdHeader } from '../../src/contract/headers.ts';

const genderFromSex = { F: 'female', M: 'male', O: 'other' } as const;

/**
 * A tiny server speaking the made-up Arogya API and calling NIC e-Hospital behind it, so that the worked
 * mapping example runs end to end. It is deliberately simple: one synchronous NIC call per encounter.
 */
export function startArogyaClient(args: { config: ClientConfig; log?: OutcomeLogger }): Promise<RunningServer> {
  const log = args.log ?? outcomeLogger();
  const ehospital = requireNicUrl(args.config, 'ehospital');
  return startJsonServer({
    port: args.config.port,
    routes: [
      route('GET /api/v2/ping', () => ({ status: 200, body: { pong: true } })),
      route('POST /api/v2/opd/encounters', async (request) => {
        const started = performance.now();
        const ref = typeof request.headers['x-request-ref'] === 'string' ? request.headers['x-request-ref'] : '';
        const body = request.body as ArogyaEncounterRequest;
        const reply = await register({ ehospital, ref, body });
        const ok = reply.result.state === 'CONFIRMED';
        log({ step: 'register', correlationId: ref, outcome: ok ? 'done' : 'failed', httpStatus: ok ? 200 : 502, ms: Math.round(performance.now() - started) });
        return { status: ok ? 200 : 502, body: reply };
      }),
    ],
  });
}

async function register(args: { ehospital: string; ref: string; body: ArogyaEncounterRequest }): Promise<ArogyaEncounterReply> {
  const { person } = args.body;
  const nicBody = {
    patient: {
      name: person.fullName,
      gender: genderFromSex[person.sex],
      age: person.ageYears,
      mobile: person.phone,
      district: person.address.district,
      pin: person.address.pincode,
      ...(person.abha ? { abhaNumber: person.abha } : {}),
    },
    department: args.body.clinic,
    visitType: args.body.encounterKind === 'FIRST' ? 'new' : 'followup',
    ...(args.body.crNo ? { uhid: args.body.crNo } : {}),
  };
  try {
    const response = await callNic({ baseUrl: args.ehospital, method: 'POST', path: '/ehospital/v1/registrations', body: nicBody, headers: { [correlationIdHeader]: args.ref } });
    const uhid = field(response.body, 'uhid');
    if (response.status >= 300 || typeof uhid !== 'string') {
      return { result: { state: 'REJECTED' }, error: { message: `e-Hospital answered ${response.status}` } };
    }
    return { result: { state: 'CONFIRMED', crNo: uhid, encounterId: String(field(response.body, 'visitId')), queueNo: Number(field(response.body, 'tokenNo')) } };
  } catch (error) {
    if (!(error instanceof NicUnreachableError)) throw error;
    return { result: { state: 'REJECTED' }, error: { message: error.message } };
  }
}
