import { mockFault } from './mockFault.ts';

/** Writes are answered 200 but never stored: silent loss (outages.md O4 variant). */
export const notStored = mockFault({ kind: 'not-stored', mockKind: 'not-stored', summary: 'writes are accepted but never stored' });
