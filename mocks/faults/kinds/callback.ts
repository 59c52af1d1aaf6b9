import { z } from 'zod';
import { drawLatencyMs } from './latency.ts';
import { defineFaultKind } from '../types.ts';
import { timerMs } from '../../shared/timerBounds.ts';

/**
 * Makes asynchronous callbacks (ABDM on-share, payment webhook, SMS/OTP delivery) late, duplicated or missing
 * (outages.md O5 OTP delay median 45 s, 10% never delivered; O11 on-share late, duplicated or missing).
 */
export const callbackFault = defineFaultKind({
  kind: 'callback',
  summary: 'make callbacks late (extra delay), duplicated (sent N times) or missing (never sent)',
  appliesTo: 'callbacks',
  settings: z.discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('late'), delayMs: timerMs().optional(), medianMs: timerMs().positive().optional(), p99Ms: timerMs().positive().optional() }),
    z.strictObject({ mode: z.literal('duplicate'), copies: z.number().int().min(2).max(10).default(2) }),
    z.strictObject({ mode: z.literal('missing') }),
  ]),
  describe: (s) =>
    s.mode === 'late'
      ? `delay callbacks by ${s.medianMs ? `lognormal median ${s.medianMs} ms, p99 ${s.p99Ms ?? s.medianMs} ms` : `${s.delayMs ?? 0} ms`}`
      : s.mode === 'duplicate'
        ? `send every callback ${s.copies} times`
        : 'never send callbacks',
  onCallback({ fault, plan }) {
    const s = fault.settings;
    if (s.mode === 'missing') return { ...plan, copies: 0 };
    if (s.mode === 'duplicate') return { ...plan, copies: plan.copies * s.copies };
    const extra = s.medianMs
      ? drawLatencyMs({ type: 'lognormal', medianMs: s.medianMs, p99Ms: Math.max(s.p99Ms ?? s.medianMs, s.medianMs) }, fault.rng)
      : (s.delayMs ?? 0);
    return { ...plan, delayMs: plan.delayMs + extra };
  },
});
