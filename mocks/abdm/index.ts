import type { MockRoute } from '../http/route.ts';
import type { ServiceRuntime } from '../runtime.ts';
import { abhaSearchRoute } from './routes/abhaSearch.ts';
import { gatewaySessionRoute } from './routes/gatewaySession.ts';
import { shareRoutes } from './routes/share.ts';

/** The ABDM mock: gateway session, ABHA search, Scan and Share with its asynchronous on-share callback. */
export function createAbdm(runtime: ServiceRuntime): MockRoute[] {
  return [gatewaySessionRoute(runtime), abhaSearchRoute(), ...shareRoutes(runtime)];
}
