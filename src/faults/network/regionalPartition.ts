import { z } from 'zod';
import type { ServiceName } from '../../contract/index.ts';
import { serviceNameField } from '../../scenario/fields.ts';
import { defineFaultKind } from '../faultKind.ts';
import { applyToAll } from './applyToAll.ts';

interface RegionalPartitionSettings {
  region: string;
  services?: ServiceName[];
  mode: 'timeout' | 'down';
}

/**
 * One client region loses its route to NIC while the others are fine (outages.md O8; the ICMR server seen
 * from Tirupati: 4 days unreachable from one region [30]). Acts on that region's proxies only: `timeout`
 * (the default, "one region's clients time out") holds connections open with no answer (Toxiproxy
 * `timeout` toxic, upstream, so nothing reaches NIC and nothing closes); `down` refuses them (proxy disabled).
 */
export const regionalPartition = defineFaultKind<RegionalPartitionSettings>({
  kind: 'regional-partition',
  layer: 'network',
  summary: "one client region's proxies stop answering (timeout) or refuse (down); the other regions are untouched",
  serviceOptional: true,
  settings: z.strictObject({
    /** A region of client.regions. */
    region: z.string().regex(/^[a-z][a-z0-9-]*$/, 'region names are lower-case letters, digits and dashes'),
    /** The services cut off from the region (default: the fault's `service`, or every declared service). */
    services: z.array(serviceNameField).min(1, 'give at least one service, or leave services out for all').optional(),
    mode: z.enum(['timeout', 'down']).default('timeout'),
  }),
  describe: ({ region, services, mode }) =>
    `region ${region} cut off from ${services ? services.join(', ') : 'NIC'}: ${mode === 'timeout' ? 'connections hang, no answer' : 'connections refused'}`,
  apply: async ({ toxiproxy, regions, service, faultId }, { region, services, mode }) => {
    const proxies = regions?.[region];
    if (!proxies) {
      throw new Error(`regional-partition: region "${region}" has no proxies (regions: ${Object.keys(regions ?? {}).join(', ') || 'none; declare client.regions'})`);
    }
    const targets = services ?? (service === 'all' ? Object.keys(proxies) : [service]);
    const missing = targets.filter((name) => proxies[name] === undefined);
    if (missing.length > 0) throw new Error(`regional-partition: region "${region}" has no proxy for ${missing.join(', ')}`);
    const name = `thap-${faultId}`;
    return applyToAll({
      proxies: targets.map((target) => proxies[target] as string),
      // A disabled proxy carries nothing: its bytes say nothing about whether the fault was met.
      ...(mode === 'down' ? {} : { counter: toxiproxy }),
      apply: async (proxy) => {
        if (mode === 'down') {
          await toxiproxy.setEnabled(proxy, false);
          return () => toxiproxy.setEnabled(proxy, true);
        }
        await toxiproxy.addToxic(proxy, { name, type: 'timeout', stream: 'upstream', toxicity: 1, attributes: { timeout: 0 } });
        return () => toxiproxy.removeToxic(proxy, name);
      },
    });
  },
});
