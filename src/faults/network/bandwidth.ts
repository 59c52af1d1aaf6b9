import { z } from 'zod';
import { toxicFault } from './toxicFault.ts';

interface BandwidthSettings {
  rateKBps: number;
  stream: 'upstream' | 'downstream';
  toxicity: number;
}

/** Limits throughput to rateKBps (Toxiproxy `bandwidth`). A rate of 0 is refused: Toxiproxy reads it as "no limit". */
export const bandwidth = toxicFault<BandwidthSettings>({
  kind: 'bandwidth',
  toxicType: 'bandwidth',
  summary: 'limits throughput in KB/s (Toxiproxy bandwidth toxic)',
  settings: z.object({
    rateKBps: z.number().int().positive('rateKBps must be at least 1 (Toxiproxy treats 0 as unlimited; use kind "down" instead)'),
  }),
  attributes: ({ rateKBps }) => ({ rate: rateKBps }),
  describe: ({ rateKBps }) => `bandwidth limited to ${rateKBps} KB/s`,
});
