import type { MockRoute } from '../http/route.ts';
import type { ServiceRuntime } from '../runtime.ts';
import { loginRoute } from '../shared/loginRoute.ts';
import { consignmentRoute } from './routes/consignment.ts';
import { createSrfRoute } from './routes/createSrf.ts';
import { labFetchRoute } from './routes/labFetch.ts';
import { resultRoute } from './routes/result.ts';
import { getSrfRoute, repeatPatientRoute } from './routes/srfLookup.ts';
import { IcmrState } from './state.ts';

/** The ICMR sample portal mock (SRF, consignment, lab fetch, result). */
export function createIcmr(runtime: ServiceRuntime): MockRoute[] {
  const state = new IcmrState(runtime.rng);
  return [loginRoute(runtime), createSrfRoute(runtime, state), repeatPatientRoute(state), getSrfRoute(state), consignmentRoute(runtime, state), labFetchRoute(state), resultRoute(runtime, state)];
}
