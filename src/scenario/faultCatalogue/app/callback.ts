import { mockFaultConfig } from './mockFaultConfig.ts';

/** Asynchronous callbacks (ABDM on-share, payment webhook, OTP delivery) come late, twice, or never (O5, O11). */
export const callback = mockFaultConfig({ kind: 'callback', mockKind: 'callback', summary: 'callbacks and OTPs come late, duplicated or never' });
