import { z } from 'zod';
import { defineFaultKind } from '../types.ts';

/** Keeps the status and Content-Type but sends a body that is not valid JSON. */
export const malformedBodyFault = defineFaultKind({
  kind: 'malformed-body',
  summary: 'send a body that is not valid JSON, with the usual status',
  settings: z.strictObject({}),
  describe: () => 'send malformed JSON bodies',
  onDeliver: () => ({ type: 'malformed' }),
});
