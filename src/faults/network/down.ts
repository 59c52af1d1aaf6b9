import { z } from 'zod';
import { defineFaultKind } from '../faultKind.ts';

/** The service is unreachable: the proxy is disabled, so new connections are refused (ECONNREFUSED). */
export const down = defineFaultKind<Record<string, never>>({
  kind: 'down',
  layer: 'network',
  summary: 'the service refuses connections (Toxiproxy proxy disabled)',
  settings: z.strictObject({}),
  describe: () => 'down: connections refused',
  apply: async ({ toxiproxy, proxyName }) => {
    await toxiproxy.setEnabled(proxyName, false);
    return () => toxiproxy.setEnabled(proxyName, true);
  },
});
