import { mockFaultConfig } from './mockFaultConfig.ts';

/** Writes are answered 200 but never stored: silent loss (outages.md O4 variant). */
export const notStored = mockFaultConfig({ kind: 'not-stored', mockKind: 'not-stored', summary: 'writes are accepted but never stored' });
