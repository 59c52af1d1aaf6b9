import { mockFaultConfig } from './mockFaultConfig.ts';

/** Per-client rate limit, then 429 or a 403 window, as CoWIN's public API did (outages.md O12, [35]). */
export const rateLimit = mockFaultConfig({ kind: 'rate-limit', mockKind: 'rate-limit', summary: 'per-client rate limit, then 429 or a 403 window' });
