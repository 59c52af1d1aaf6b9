import { z } from 'zod';
import { defineFaultKind } from '../types.ts';

/**
 * Expires every login session of the service when set (a lab bot re-logs in every 300 entries,
 * nic-services.md [23]).
 */
export const sessionExpiryFault = defineFaultKind({
  kind: 'session-expiry',
  summary: 'expire login sessions now (requests with an old session get 401 session_expired)',
  settings: z.strictObject({}),
  describe: () => 'expire every login session now',
  onApply({ fault, now, expireSessions }) {
    expireSessions(fault.target.service, now);
  },
});
