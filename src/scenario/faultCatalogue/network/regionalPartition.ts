import { z } from 'zod';
import type { ServiceName } from '../../../contract/index.ts';
import { serviceNameField } from '../../fields.ts';
import { defineFaultConfig } from '../faultConfig.ts';

export type RegionalPartitionSettings = {
  region: string;
  services?: ServiceName[];
  mode: 'timeout' | 'down';
};

/**
 * One client region loses its route to NIC while the others are fine (outages.md O8; the ICMR server seen
 * from Tirupati: 4 days unreachable from one region [30]). `timeout` (the default, "one region's clients
 * time out") holds connections open with no answer; `down` refuses them.
 */
export const regionalPartition = defineFaultConfig<RegionalPartitionSettings>({
  kind: 'regional-partition',
  layer: 'network',
  summary: "one client region's proxies stop answering (timeout) or refuse (down); the other regions are untouched",
  serviceOptional: true,
  settings: z.strictObject({
    /** A region of client.regions. */
    region: z.string().regex(/^[a-z][a-z0-9-]*$/, 'region names are lower-case letters, digits and dashes'),
    /** The services cut off from the region (default: the fault's `service`, or every declared service). */
    services: z.array(serviceNameField).min(1, 'give at least one service, or leave services out for all').optional(),
    mode: z.enum(['timeout', 'down']).default('timeout'),
  }),
  describe: ({ region, services, mode }) =>
    `region ${region} cut off from ${services ? services.join(', ') : 'NIC'}: ${mode === 'timeout' ? 'connections hang, no answer' : 'connections refused'}`,
});
