import { z } from 'zod';
import type { ToxicType } from 'toxiproxy-node-client';
import { defineFaultKind, type FaultKind } from '../faultKind.ts';
import { applyToAll } from './applyToAll.ts';
import { proxiesOf } from './proxiesOf.ts';

/** Fields every toxic-based fault shares: which direction of the stream, and Toxiproxy's toxicity. */
export const toxicCommonFields = {
  /** `downstream` (NIC -> client answers, the usual default) or `upstream` (client -> NIC requests). */
  stream: z.enum(['upstream', 'downstream']).default('downstream'),
  /** Share of connections affected, 0..1, rolled per connection (TOOLS.md: keep-alive sees all or nothing). */
  toxicity: z.number().min(0, 'toxicity is a probability from 0 to 1').max(1, 'toxicity is a probability from 0 to 1').default(1),
};

interface ToxicCommon {
  stream: 'upstream' | 'downstream';
  toxicity: number;
}

/**
 * Builds a fault kind that adds one Toxiproxy toxic to the service's proxy (with client regions, to its
 * proxy in every region) and removes exactly that toxic.
 * Each network fault file gives only what differs: its settings, the toxic's attributes, its one line.
 */
export function toxicFault<Settings extends ToxicCommon>(definition: {
  kind: string;
  toxicType: ToxicType;
  summary: string;
  settings: z.ZodObject;
  /** The stream the toxic acts on unless the scenario says otherwise. */
  defaultStream?: 'upstream' | 'downstream';
  attributes(settings: Settings): Record<string, number>;
  describe(settings: Settings): string;
}): FaultKind {
  return defineFaultKind<Settings>({
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
    apply: async (context, settings) => {
      const { toxiproxy, faultId } = context;
      const name = `thap-${faultId}`;
      return applyToAll({
        proxies: proxiesOf(context),
        counter: toxiproxy,
        apply: async (proxy) => {
          await toxiproxy.addToxic(proxy, {
            name,
            type: definition.toxicType,
            stream: settings.stream,
            toxicity: settings.toxicity,
            attributes: definition.attributes(settings),
          });
          return () => toxiproxy.removeToxic(proxy, name);
        },
      });
    },
  });
}
