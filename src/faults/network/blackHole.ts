import { z } from 'zod';
import { toxicFault } from './toxicFault.ts';

interface BlackHoleSettings {
  closeAfterMs: number;
  stream: 'upstream' | 'downstream';
  toxicity: number;
}

/**
 * Connections are accepted but nothing comes back (Toxiproxy `timeout`): the data centre that went dark
 * (outages.md O1). closeAfterMs 0 holds the connection open until the fault ends.
 */
export const blackHole = toxicFault<BlackHoleSettings>({
  kind: 'black-hole',
  toxicType: 'timeout',
  // Requests vanish on their way to NIC, so nothing answers and nothing closes (on the downstream side the
  // upstream's own close would still end the connection).
  defaultStream: 'upstream',
  summary: 'connections open but no answer comes (Toxiproxy timeout toxic)',
  settings: z.object({
    closeAfterMs: z.number().int().min(0, 'closeAfterMs cannot be negative; 0 holds connections open').default(0),
  }),
  attributes: ({ closeAfterMs }) => ({ timeout: closeAfterMs }),
  describe: ({ closeAfterMs }) => `black hole: no answer${closeAfterMs ? `, closed after ${closeAfterMs} ms` : ''}`,
});
