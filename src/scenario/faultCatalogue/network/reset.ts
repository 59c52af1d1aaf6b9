import { z } from 'zod';
import { toxicFaultConfig, type ToxicCommon } from './toxicFaultConfig.ts';

export type ResetSettings = ToxicCommon & {
  afterMs: number;
};

/** Connections are reset by peer (TCP RST) after afterMs (Toxiproxy `reset_peer`): flapping, outages.md O3. */
export const reset = toxicFaultConfig<ResetSettings>({
  kind: 'reset',
  summary: 'connections reset by peer (Toxiproxy reset_peer toxic)',
  settings: z.object({ afterMs: z.number().int().min(0, 'afterMs cannot be negative').default(0) }),
  describe: ({ afterMs }) => `connection reset${afterMs ? ` after ${afterMs} ms` : ''}`,
});
