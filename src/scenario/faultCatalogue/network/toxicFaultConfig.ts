import { z } from 'zod';
import { defineFaultConfig, type FaultConfig } from '../faultConfig.ts';

/** Fields every toxic-based fault shares: which direction of the stream, and Toxiproxy's toxicity. */
export const toxicCommonFields = {
  /** `downstream` (NIC -> client answers, the usual default) or `upstream` (client -> NIC requests). */
  stream: z.enum(['upstream', 'downstream']).default('downstream'),
  /** Share of connections affected, 0..1, rolled per connection (TOOLS.md: keep-alive sees all or nothing). */
  toxicity: z.number().min(0, 'toxicity is a probability from 0 to 1').max(1, 'toxicity is a probability from 0 to 1').default(1),
};

export type ToxicCommon = {
  stream: 'upstream' | 'downstream';
  toxicity: number;
};

/**
 * The configuration of a fault that is one Toxiproxy toxic: the kind's own fields plus `stream` and
 * `toxicity`, and its one line followed by the stream and the share of connections it hits.
 */
export function toxicFaultConfig<Settings extends ToxicCommon>(definition: {
  kind: string;
  summary: string;
  settings: z.ZodObject;
  /** The stream the toxic acts on unless the scenario says otherwise. */
  defaultStream?: 'upstream' | 'downstream';
  describe(settings: Settings): string;
}): FaultConfig<Settings> {
  return defineFaultConfig<Settings>({
    kind: definition.kind,
    layer: 'network',
    summary: definition.summary,
    settings: z.strictObject({
      ...definition.settings.shape,
      ...toxicCommonFields,
      stream: toxicCommonFields.stream.removeDefault().default(definition.defaultStream ?? 'downstream'),
    }),
    describe: (settings) => {
      const share = settings.toxicity < 1 ? ` on ${Math.round(settings.toxicity * 100)}% of connections` : '';
      return `${definition.describe(settings)} (${settings.stream}${share})`;
    },
  });
}
