import { mockFaultConfig } from './mockFaultConfig.ts';

/** Every login session expires (the ICMR lab bot re-logged in every 300 entries, nic-services.md [23]). */
export const sessionExpiry = mockFaultConfig({ kind: 'session-expiry', mockKind: 'session-expiry', summary: 'login sessions expire' });
