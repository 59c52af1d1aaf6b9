import { bandwidth } from '../../scenario/faultCatalogue/index.ts';
import { toxicFault } from './toxicFault.ts';

/** Toxiproxy `bandwidth`: throughput limited to `rate` KB/s. */
export const bandwidthRuntime = toxicFault({ config: bandwidth, toxicType: 'bandwidth', attributes: ({ rateKBps }) => ({ rate: rateKBps }) });
