import { z } from 'zod';
import { toxicFaultConfig, type ToxicCommon } from './toxicFaultConfig.ts';

export type BlackHoleSettings = ToxicCommon & {
  closeAfterMs: number;
};

/**
 * Connections are accepted but nothing comes back (Toxiproxy `timeout`): the data centre that went dark
 * (outages.md O1). closeAfterMs 0 holds the connection open until the fault ends.
 */
export const blackHole = toxicFaultConfig<BlackHoleSettings>({
  kind: 'black-hole',
  // Requests vanish on their way to NIC, so nothing answers and nothing closes (on the downstream side the
  // upstream's own close would still end the connection).
  defaultStream: 'upstream',
  summary: 'connections open but no answer comes (Toxiproxy timeout toxic)',
  settings: z.object({
    closeAfterMs: z.number().int().min(0, 'closeAfterMs cannot be negative; 0 holds connections open').default(0),
  }),
  describe: ({ closeAfterMs }) => `black hole: no answer${closeAfterMs ? `, closed after ${closeAfterMs} ms` : ''}`,
});
