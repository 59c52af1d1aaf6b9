import { slowClose } from '../../scenario/faultCatalogue/index.ts';
import { toxicFault } from './toxicFault.ts';

/** Toxiproxy `slow_close`: the close of each connection delayed `delay` ms. */
export const slowCloseRuntime = toxicFault({ config: slowClose, toxicType: 'slow_close', attributes: ({ delayMs }) => ({ delay: delayMs }) });
