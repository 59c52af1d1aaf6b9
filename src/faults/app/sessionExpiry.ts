import { mockFault } from './mockFault.ts';

/** Every login session expires (the ICMR lab bot re-logged in every 300 entries, nic-services.md [23]). */
export const sessionExpiry = mockFault({ kind: 'session-expiry', mockKind: 'session-expiry', summary: 'login sessions expire' });
