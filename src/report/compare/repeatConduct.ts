import { countInIndianDigits as count } from '../../scoring/index.ts';

/** What one run shows of the client's own conduct under the scenario's plan; null where the run does not say. */
export interface RunConduct {
  /** Requests the client sent NIC (report.json `nic.upstreamRequests`). */
  requestsToNic: number | null;
  /** Whether it stayed metastable after the fault (report.json `recovery.metastable`). */
  metastable: boolean | null;
}

/**
 * How far the NIC requests of runs of one plan (one seed) may differ, highest less lowest over their midpoint,
 * and the client still count as having behaved alike: five times the widest difference between repeats of any
 * calibration client but retry-storm (journal's O2, 1.0%). retry-storm's differ by 9% on O1 and 31% on O3, and by
 * 6% on O9 where its scores agree: docs/scoring.md "Calibration".
 */
export const ALIKE_NIC_REQUESTS_SHARE = 0.05;

/**
 * Whether a client's repeats of one scenario behaved alike: `differed` when it stayed metastable after the fault in
 * some runs only, or sent NIC more than ALIKE_NIC_REQUESTS_SHARE more requests in one run than another; `alike`
 * when every run says what it sent NIC and none of that differs; `unknown` otherwise (a run that does not say may
 * have differed). `evidence` is what the runs show, in words, for a warning or a claim line.
 */
export function repeatConduct(runs: readonly RunConduct[]): { verdict: 'differed' | 'alike' | 'unknown'; evidence: string[] } {
  const sent = runs.flatMap((run) => (run.requestsToNic === null ? [] : [run.requestsToNic]));
  const told = runs.flatMap((run) => (run.metastable === null ? [] : [run.metastable]));
  const metastable = told.filter(Boolean).length;
  const mixedMetastable = metastable > 0 && metastable < told.length;
  const evidence = [
    ...(sent.length >= 2 ? [`NIC received ${count(Math.min(...sent))} to ${count(Math.max(...sent))} of its requests`] : []),
    ...(mixedMetastable ? [`metastable after the fault in ${metastable} of ${told.length} runs`] : []),
  ];
  if (mixedMetastable || (sent.length >= 2 && relativeRange(sent) > ALIKE_NIC_REQUESTS_SHARE)) return { verdict: 'differed', evidence };
  return { verdict: sent.length === runs.length && sent.length >= 2 ? 'alike' : 'unknown', evidence };
}

/** (highest − lowest) / their midpoint; 0 when every value is 0. */
function relativeRange(values: readonly number[]): number {
  const low = Math.min(...values);
  const high = Math.max(...values);
  return high === 0 ? 0 : (high - low) / ((high + low) / 2);
}
