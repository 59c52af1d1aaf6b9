import { reset } from '../../scenario/faultCatalogue/index.ts';
import { toxicFault } from './toxicFault.ts';

/** Toxiproxy `reset_peer`: the connection is reset (TCP RST) after `timeout` ms. */
export const resetRuntime = toxicFault({ config: reset, toxicType: 'reset_peer', attributes: ({ afterMs }) => ({ timeout: afterMs }) });
