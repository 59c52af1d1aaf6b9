import { z } from 'zod';
import { toxicFault } from './toxicFault.ts';

interface SlowCloseSettings {
  delayMs: number;
  stream: 'upstream' | 'downstream';
  toxicity: number;
}

/** Delays the closing of connections by delayMs (Toxiproxy `slow_close`). */
export const slowClose = toxicFault<SlowCloseSettings>({
  kind: 'slow-close',
  toxicType: 'slow_close',
  summary: 'delays connection close (Toxiproxy slow_close toxic)',
  settings: z.object({ delayMs: z.number().int().positive('delayMs must be above 0') }),
  attributes: ({ delayMs }) => ({ delay: delayMs }),
  describe: ({ delayMs }) => `connection close delayed ${delayMs} ms`,
});
