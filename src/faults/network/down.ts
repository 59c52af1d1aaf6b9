import { down } from '../../scenario/faultCatalogue/index.ts';
import { defineFaultRuntime } from '../faultRuntime.ts';
import { applyToAll } from './applyToAll.ts';
import { proxiesOf } from './proxiesOf.ts';

/** Disables the service's proxy (with client regions, every region's): new connections are refused. */
export const downRuntime = defineFaultRuntime(down, async (context) =>
  applyToAll({
    proxies: proxiesOf(context),
    apply: async (proxy) => {
      await context.toxiproxy.setEnabled(proxy, false);
      return () => context.toxiproxy.setEnabled(proxy, true);
    },
  }),
);
