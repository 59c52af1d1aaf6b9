import { z } from 'zod';
import { defineFaultKind } from '../types.ts';

/** Answers writes as usual but never stores them (O4 variant: 1-5% of writes 200 but never stored). */
export const notStoredFault = defineFaultKind({
  kind: 'not-stored',
  summary: 'answer writes as accepted but never store them (ledger storedAt null)',
  appliesTo: 'writes',
  settings: z.strictObject({}),
  describe: () => 'accept writes but never store them',
  onRequest({ exchange }) {
    exchange.meta.dropWrite = true;
    return undefined;
  },
});
