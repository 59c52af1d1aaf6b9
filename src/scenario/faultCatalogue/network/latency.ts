import { z } from 'zod';
import { toxicFaultConfig, type ToxicCommon } from './toxicFaultConfig.ts';

export type LatencySettings = ToxicCommon & {
  latencyMs: number;
  jitterMs: number;
};

/** Every chunk of data is delayed by latencyMs +/- jitterMs (Toxiproxy `latency`). */
export const latency = toxicFaultConfig<LatencySettings>({
  kind: 'latency',
  summary: 'adds latency with jitter to the service (Toxiproxy latency toxic)',
  settings: z.object({
    latencyMs: z.number().int().positive('latencyMs must be above 0 (Toxiproxy itself accepts negative values)'),
    jitterMs: z.number().int().min(0, 'jitterMs cannot be negative').default(0),
  }),
  describe: ({ latencyMs, jitterMs }) => `latency ${latencyMs} ms${jitterMs ? ` +/- ${jitterMs} ms` : ''}`,
});
