import type { MockRoute } from '../http/route.ts';
import type { ServiceRuntime } from '../runtime.ts';
import { loginRoute } from '../shared/loginRoute.ts';
import { billLookupRoute, billRoute } from './routes/bill.ts';
import { collectionRoute, sampleStatusRoute } from './routes/collection.ts';
import { labOrderRoute } from './routes/labOrder.ts';
import { registerRoute } from './routes/register.ts';
import { reportRoute } from './routes/report.ts';
import { sampleRoute } from './routes/sample.ts';
import { searchRoute } from './routes/search.ts';
import { visitRoute } from './routes/visit.ts';
import { EhospitalState } from './state.ts';

/** The e-Hospital / ORS mock: its routes over one shared state. */
export function createEhospital(runtime: ServiceRuntime): MockRoute[] {
  const state = new EhospitalState(runtime.rng);
  return [
    loginRoute(runtime),
    searchRoute(state),
    registerRoute(runtime, state),
    visitRoute(state),
    billRoute(runtime, state),
    billLookupRoute(state),
    labOrderRoute(runtime, state),
    sampleRoute(runtime, state),
    collectionRoute(runtime, state),
    sampleStatusRoute(state),
    reportRoute(state),
  ];
}
