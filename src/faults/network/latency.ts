import { z } from 'zod';
import { toxicFault } from './toxicFault.ts';

interface LatencySettings {
  latencyMs: number;
  jitterMs: number;
  stream: 'upstream' | 'downstream';
  toxicity: number;
}

/** Every chunk of data is delayed by latencyMs +/- jitterMs (Toxiproxy `latency`). */
export const latency = toxicFault<LatencySettings>({
  kind: 'latency',
  toxicType: 'latency',
  summary: 'adds latency with jitter to the service (Toxiproxy latency toxic)',
  settings: z.object({
    latencyMs: z.number().int().positive('latencyMs must be above 0 (Toxiproxy itself accepts negative values)'),
    jitterMs: z.number().int().min(0, 'jitterMs cannot be negative').default(0),
  }),
  attributes: ({ latencyMs, jitterMs }) => ({ latency: latencyMs, jitter: jitterMs }),
  describe: ({ latencyMs, jitterMs }) => `latency ${latencyMs} ms${jitterMs ? ` +/- ${jitterMs} ms` : ''}`,
});
