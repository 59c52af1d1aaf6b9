import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Rng } from '../../shared/rng.ts';
import { defineFaultKind } from '../types.ts';
import { MAX_TIMER_MS } from '../../../src/util/index.ts';
import { timerMs } from '../../shared/timerBounds.ts';

const distributionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fixed'), ms: timerMs() }),
  z.strictObject({ type: z.literal('uniform'), minMs: timerMs(), maxMs: timerMs() }).refine((d) => d.maxMs >= d.minMs, {
    message: 'maxMs must be >= minMs',
  }),
  z.strictObject({ type: z.literal('lognormal'), medianMs: timerMs().positive(), p99Ms: timerMs().positive() }).refine((d) => d.p99Ms >= d.medianMs, {
    message: 'p99Ms must be >= medianMs',
  }),
]);
export type LatencyDistribution = z.infer<typeof distributionSchema>;

/** z at the 99th percentile of the standard normal. */
const Z99 = 2.3263478740408408;

/** Draws one delay in ms from the distribution with the fault's seeded source (Box-Muller for lognormal). */
export function drawLatencyMs(distribution: LatencyDistribution, rng: Rng): number {
  if (distribution.type === 'fixed') return distribution.ms;
  if (distribution.type === 'uniform') return distribution.minMs + rng() * (distribution.maxMs - distribution.minMs);
  const sigma = Math.log(distribution.p99Ms / distribution.medianMs) / Z99;
  const normal = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  return Math.min(MAX_TIMER_MS, distribution.medianMs * Math.exp(sigma * normal));
}

function describeDistribution(d: LatencyDistribution): string {
  if (d.type === 'fixed') return `${d.ms} ms`;
  if (d.type === 'uniform') return `uniform ${d.minMs}-${d.maxMs} ms`;
  return `lognormal median ${d.medianMs} ms, p99 ${d.p99Ms} ms`;
}

/** Adds latency before the handler answers (O4 slow write path: median 20 s, p99 180 s). */
export const latencyFault = defineFaultKind({
  kind: 'latency',
  summary: 'add latency before answering: fixed, uniform or lognormal(median, p99)',
  settings: z.strictObject({ distribution: distributionSchema }),
  describe: (settings) => `add ${describeDistribution(settings.distribution)} latency`,
  async onRequest({ fault }) {
    // Unref'd: a pending delay never keeps a stopping mocks process alive.
    await sleep(drawLatencyMs(fault.settings.distribution, fault.rng), undefined, { ref: false });
    return undefined;
  },
});
