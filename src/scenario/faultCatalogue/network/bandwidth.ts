import { z } from 'zod';
import { toxicFaultConfig, type ToxicCommon } from './toxicFaultConfig.ts';

export type BandwidthSettings = ToxicCommon & {
  rateKBps: number;
};

/** Limits throughput to rateKBps (Toxiproxy `bandwidth`). A rate of 0 is refused: Toxiproxy reads it as "no limit". */
export const bandwidth = toxicFaultConfig<BandwidthSettings>({
  kind: 'bandwidth',
  summary: 'limits throughput in KB/s (Toxiproxy bandwidth toxic)',
  settings: z.object({
    rateKBps: z.number().int().positive('rateKBps must be at least 1 (Toxiproxy treats 0 as unlimited; use kind "down" instead)'),
  }),
  describe: ({ rateKBps }) => `bandwidth limited to ${rateKBps} KB/s`,
});
