import type { ToxicType } from 'toxiproxy-node-client';
import type { FaultConfig, ToxicCommon } from '../../scenario/faultCatalogue/index.ts';
import { defineFaultRuntime, type FaultRuntime } from '../faultRuntime.ts';
import { applyToAll } from './applyToAll.ts';
import { proxiesOf } from './proxiesOf.ts';

/**
 * The runtime of a fault that is one Toxiproxy toxic: adds the toxic to the service's proxy (with client
 * regions, to its proxy in every region) and removes exactly that toxic. Each network fault file gives only
 * what differs: the toxic's type and its attributes from the kind's settings.
 */
export function toxicFault<Settings extends ToxicCommon>({ config, toxicType, attributes }: {
  config: FaultConfig<Settings>;
  toxicType: ToxicType;
  attributes(settings: Settings): Record<string, number>;
}): FaultRuntime<Settings> {
  return defineFaultRuntime(config, async (context, settings) => {
    const { toxiproxy, faultId } = context;
    const name = `thap-${faultId}`;
    return applyToAll({
      proxies: proxiesOf(context),
      counter: toxiproxy,
      apply: async (proxy) => {
        await toxiproxy.addToxic(proxy, { name, type: toxicType, stream: settings.stream, toxicity: settings.toxicity, attributes: attributes(settings) });
        return () => toxiproxy.removeToxic(proxy, name);
      },
    });
  });
}
