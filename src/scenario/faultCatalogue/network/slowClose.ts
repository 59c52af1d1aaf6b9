import { z } from 'zod';
import { toxicFaultConfig, type ToxicCommon } from './toxicFaultConfig.ts';

export type SlowCloseSettings = ToxicCommon & {
  delayMs: number;
};

/** Delays the closing of connections by delayMs (Toxiproxy `slow_close`). */
export const slowClose = toxicFaultConfig<SlowCloseSettings>({
  kind: 'slow-close',
  summary: 'delays connection close (Toxiproxy slow_close toxic)',
  settings: z.object({ delayMs: z.number().int().positive('delayMs must be above 0') }),
  describe: ({ delayMs }) => `connection close delayed ${delayMs} ms`,
});
