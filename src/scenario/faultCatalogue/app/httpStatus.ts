import { mockFaultConfig } from './mockFaultConfig.ts';

/** The service answers an HTTP error (500, 502, 503, 504, 429, 403), optionally with Retry-After (outages.md O2, O6). */
export const httpStatus = mockFaultConfig({ kind: 'http-status', mockKind: 'status', summary: 'the service answers an HTTP error status' });
