import { z } from 'zod';
import { defineFaultKind } from '../types.ts';
import { timerMs } from '../../shared/timerBounds.ts';

/** Sends the answer's body in small chunks with a pause between them. */
export const slowBodyFault = defineFaultKind({
  kind: 'slow-body',
  summary: 'send the body slowly, in chunks with a pause between them',
  settings: z.strictObject({ chunkBytes: z.number().int().positive().default(16), chunkDelayMs: timerMs().positive().default(200) }),
  describe: (settings) => `send the body ${settings.chunkBytes} bytes every ${settings.chunkDelayMs} ms`,
  onDeliver: ({ fault }) => ({ type: 'slow', chunkBytes: fault.settings.chunkBytes, chunkDelayMs: fault.settings.chunkDelayMs }),
});
