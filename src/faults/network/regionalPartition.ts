import { regionalPartition } from '../../scenario/faultCatalogue/index.ts';
import { defineFaultRuntime } from '../faultRuntime.ts';
import { applyToAll } from './applyToAll.ts';

/**
 * Acts on one region's proxies only: `timeout` adds a Toxiproxy `timeout` toxic upstream (nothing reaches
 * NIC and nothing closes), `down` disables them.
 */
export const regionalPartitionRuntime = defineFaultRuntime(regionalPartition, async ({ toxiproxy, regions, service, faultId }, { region, services, mode }) => {
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
});
