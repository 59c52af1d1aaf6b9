import { z } from 'zod';
import { defineFaultKind } from '../types.ts';
import { timerSec } from '../../shared/timerBounds.ts';
import { headerKeys } from '../../http/headerNames.ts';

/** Answers with an error status instead of the handler (O2 fast 502s, O4 5% 504, O6 stampede errors). */
export const statusFault = defineFaultKind({
  kind: 'status',
  summary: 'answer with an HTTP error status (500, 502, 503, 504, 429, 403) at a rate',
  settings: z.strictObject({
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504), z.literal(429), z.literal(403)]),
    /** Sent as Retry-After with 503 and 429. */
    retryAfterSec: timerSec().int().positive().optional(),
  }),
  describe: (settings) => `answer ${settings.status}${settings.retryAfterSec ? ` with Retry-After ${settings.retryAfterSec}s` : ''}`,
  onRequest({ fault, exchange }) {
    const { status, retryAfterSec } = fault.settings;
    return {
      status,
      body: { error: { code: `fault_${status}`, service: exchange.route.service, message: `fault ${fault.id}: ${fault.description}` } },
      headers: retryAfterSec ? { [headerKeys.retryAfter]: String(retryAfterSec) } : undefined,
    };
  },
});
