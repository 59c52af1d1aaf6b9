import { latency } from '../../scenario/faultCatalogue/index.ts';
import { toxicFault } from './toxicFault.ts';

/** Toxiproxy `latency`: every chunk delayed by latency +/- jitter. */
export const latencyRuntime = toxicFault({ config: latency, toxicType: 'latency', attributes: ({ latencyMs, jitterMs }) => ({ latency: latencyMs, jitter: jitterMs }) });
