import { z } from 'zod';
import { defineFaultKind } from '../faultKind.ts';
import { applyToAll } from './applyToAll.ts';
import { proxiesOf } from './proxiesOf.ts';

/** The service is unreachable: the proxy (with client regions, every region's) is disabled, so new connections are refused (ECONNREFUSED). */
export const down = defineFaultKind<Record<string, never>>({
  kind: 'down',
  layer: 'network',
  summary: 'the service refuses connections (Toxiproxy proxy disabled)',
  settings: z.strictObject({}),
  describe: () => 'down: connections refused',
  apply: async (context) =>
    applyToAll({
      proxies: proxiesOf(context),
      apply: async (proxy) => {
        await context.toxiproxy.setEnabled(proxy, false);
        return () => context.toxiproxy.setEnabled(proxy, true);
      },
    }),
});
