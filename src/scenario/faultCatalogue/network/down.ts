import { z } from 'zod';
import { defineFaultConfig } from '../faultConfig.ts';

/** The service is unreachable: its proxy (with client regions, every region's) refuses new connections (ECONNREFUSED). */
export const down = defineFaultConfig<Record<string, never>>({
  kind: 'down',
  layer: 'network',
  summary: 'the service refuses connections (Toxiproxy proxy disabled)',
  settings: z.strictObject({}),
  describe: () => 'down: connections refused',
});
