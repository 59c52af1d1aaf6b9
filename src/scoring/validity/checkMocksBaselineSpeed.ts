import type { ValidityCheck } from '../reportSchema.ts';
import type { HarnessProbe } from './readValidityInputs.ts';

/**
 * The mocks' own speed a sound machine keeps in the baseline, ms: the median of their health probe latency
 * and of their event-loop delay p99. They are a few ms on an idle machine and tens of ms with several runs
 * sharing its 2 cores (docs/mocks-performance.md); 500 ms is the mocks answering too slowly for any client
 * latency to be the client's (the saturated O2 run of issue 13 had a baseline p95 of ~10 s).
 */
export const MOCKS_BASELINE_BOUND_MS = 500;
/** Fewer baseline probes than this measure nothing (the monitor probes about once a wall second). */
export const MIN_BASELINE_PROBES = 3;

/**
 * mocks.baselineSpeed: in the baseline (before the first fault), the NIC mocks answered at their own normal
 * speed. Figure: the larger of the medians of probe latency and event-loop delay p99 over the baseline's
 * successful mocks probes (harness.ndjson). Medians, so one GC pause or scheduler stall does not decide it.
 */
export function checkMocksBaselineSpeed({ probes, from, to }: { probes: HarnessProbe[]; from: number; to: number }): ValidityCheck {
  const base = { name: 'mocks.baselineSpeed', bound: MOCKS_BASELINE_BOUND_MS, unit: 'ms' } as const;
  const inBaseline = probes.filter((probe) => probe.target === 'mocks' && probe.ok && probe.t >= from && probe.t < to);
  if (inBaseline.length < MIN_BASELINE_PROBES) return { ...base, passed: true, figure: null, message: `not measured: ${inBaseline.length} mocks probes in the baseline (${MIN_BASELINE_PROBES} needed)` };
  const latency = median(inBaseline.flatMap((probe) => (probe.latencyMs === undefined ? [] : [probe.latencyMs])));
  const loop = median(inBaseline.flatMap((probe) => (probe.eventLoopP99Ms === undefined ? [] : [probe.eventLoopP99Ms])));
  const figure = Math.round(Math.max(latency ?? 0, loop ?? 0) * 10) / 10;
  const text = `mocks in the baseline: probe latency median ${latency === undefined ? '—' : `${latency.toFixed(1)} ms`}, event-loop delay p99 median ${loop === undefined ? '—' : `${loop.toFixed(1)} ms`} over ${inBaseline.length} probes; bound ${MOCKS_BASELINE_BOUND_MS} ms`;
  if (figure <= MOCKS_BASELINE_BOUND_MS) return { ...base, passed: true, figure, message: text };
  return { ...base, passed: false, figure, message: `${text}: the machine, not the client, was slow` };
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
