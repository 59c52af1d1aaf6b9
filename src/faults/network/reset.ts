import { z } from 'zod';
import { toxicFault } from './toxicFault.ts';

interface ResetSettings {
  afterMs: number;
  stream: 'upstream' | 'downstream';
  toxicity: number;
}

/** Connections are reset by peer (TCP RST) after afterMs (Toxiproxy `reset_peer`): flapping, outages.md O3. */
export const reset = toxicFault<ResetSettings>({
  kind: 'reset',
  toxicType: 'reset_peer',
  summary: 'connections reset by peer (Toxiproxy reset_peer toxic)',
  settings: z.object({ afterMs: z.number().int().min(0, 'afterMs cannot be negative').default(0) }),
  attributes: ({ afterMs }) => ({ timeout: afterMs }),
  describe: ({ afterMs }) => `connection reset${afterMs ? ` after ${afterMs} ms` : ''}`,
});
