import { z } from 'zod';
import { faultKinds as mockFaultKinds } from '../../../mocks/faults/registry.ts';
import { defineFaultKind, type FaultKind } from '../faultKind.ts';

/** Which requests an application fault hits, and how often: written beside the kind's own fields. */
export const appTargetFields = {
  /** Route pattern of the mock service, e.g. `/ehospital/v1/registrations` (docs/nic-mocks.md); all routes when absent. */
  route: z.string().startsWith('/', 'route is a path of the service, starting with "/"').optional(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  /** Share of matching requests the fault hits, 0..1, rolled per request with the mocks' seeded random source. */
  rate: z.number().min(0, 'rate is a probability from 0 to 1').max(1, 'rate is a probability from 0 to 1').default(1),
};

/**
 * An application fault, applied through the mocks' admin API (`POST /__admin/faults`) and removed by id.
 * Its settings schema and one-line description are the mocks' own (mocks/faults/kinds), so a scenario is
 * checked by exactly the rules the mocks apply.
 */
export function mockFault({ kind, mockKind, summary }: { kind: string; mockKind: string; summary: string }): FaultKind {
  const definition = mockFaultKinds.get(mockKind);
  if (!definition) throw new Error(`the mocks have no fault kind ${mockKind}`);
  return defineFaultKind<Record<string, unknown>>({
    kind,
    layer: 'app',
    summary,
    settings: definition.settings,
    describe: (settings) => (definition.describe as (value: unknown) => string)(settings),
    apply: async ({ mocks, service, faultId }, settings) => {
      const { route, method, rate, ...own } = settings as { route?: string; method?: string; rate?: number };
      const id = await mocks.addFault(service, {
        id: `thap-${faultId}`,
        kind: mockKind,
        target: { service, ...(route ? { route } : {}), ...(method ? { method } : {}) },
        rate: rate ?? 1,
        settings: own,
      });
      return async () => ({ hits: (await mocks.removeFault(service, id)).hits });
    },
  });
}
