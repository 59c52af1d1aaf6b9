import type { MockRoute } from '../http/route.ts';
import type { ServiceRuntime } from '../runtime.ts';
import { registerRoute } from './registerRoute.ts';
import { EhospitalState } from './state.ts';

/** The e-Hospital / ORS mock: its routes over one shared state. */
export function createEhospital(runtime: ServiceRuntime): MockRoute[] {
  const state = new EhospitalState(runtime.rng);
  return [registerRoute(runtime, state)];
}
