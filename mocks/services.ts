import { createAbdm } from './abdm/index.ts';
import { createEhospital } from './ehospital/index.ts';
import { createIcmr } from './icmr/index.ts';
import { createPayment } from './payment/index.ts';
import { createSms } from './sms/index.ts';
import type { MockRoute } from './http/route.ts';
import type { ServiceRuntime } from './runtime.ts';
import type { ServiceName } from '../src/contract/index.ts';

/** Each service's routes, built over its runtime. */
export const serviceFactories: Record<ServiceName, (runtime: ServiceRuntime) => MockRoute[]> = {
  ehospital: createEhospital,
  icmr: createIcmr,
  abdm: createAbdm,
  sms: createSms,
  payment: createPayment,
};
