import { z } from 'zod';
import { defineFaultKind } from '../types.ts';

/** Announces the full Content-Length, sends part of the body, then closes the connection. */
export const truncatedBodyFault = defineFaultKind({
  kind: 'truncated-body',
  summary: 'send only part of the body, then close the connection',
  settings: z.strictObject({ keepFraction: z.number().min(0).max(0.99).default(0.5) }),
  describe: (settings) => `cut the body after ${Math.round(settings.keepFraction * 100)}% and close the connection`,
  onDeliver: ({ fault }) => ({ type: 'truncate', keepFraction: fault.settings.keepFraction }),
});
