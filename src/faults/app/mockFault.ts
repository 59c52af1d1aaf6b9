import type { AppFaultConfig } from '../../scenario/faultCatalogue/index.ts';
import { defineFaultRuntime, type FaultRuntime } from '../faultRuntime.ts';

/**
 * The runtime of an application fault: set through the mocks' admin API (`POST /__admin/faults`) as the
 * mocks' own kind, and removed by id, which answers how many requests it acted on.
 */
export function mockFault(config: AppFaultConfig): FaultRuntime {
  return defineFaultRuntime(config, async ({ mocks, service, faultId }, settings) => {
    const { route, method, rate, ...own } = settings as { route?: string; method?: string; rate?: number };
    const id = await mocks.addFault(service, {
      id: `thap-${faultId}`,
      kind: config.mockKind,
      target: { service, ...(route ? { route } : {}), ...(method ? { method } : {}) },
      rate: rate ?? 1,
      settings: own,
    });
    return async () => ({ hits: (await mocks.removeFault(service, id)).hits });
  });
}
