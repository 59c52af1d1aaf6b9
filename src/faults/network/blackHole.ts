import { blackHole } from '../../scenario/faultCatalogue/index.ts';
import { toxicFault } from './toxicFault.ts';

/** Toxiproxy `timeout`: data is dropped and the connection held (0) or closed after `timeout` ms. */
export const blackHoleRuntime = toxicFault({ config: blackHole, toxicType: 'timeout', attributes: ({ closeAfterMs }) => ({ timeout: closeAfterMs }) });
