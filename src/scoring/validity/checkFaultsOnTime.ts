import type { ValidityCheck } from '../reportSchema.ts';
import type { LoggedFault } from '../runFiles/readFaults.ts';
import { simulatedSpan } from './incidentTime.ts';

/** The drift bound's floor on the wall clock, ms: above the worst drift measured on the busy shared machine (docs/harness-performance.md, 1,945 ms). */
export const DRIFT_BOUND_WALL_MS = 2_000;
/** The drift bound in simulated terms: within the 5-minute traffic bins, so a fault meets the load its plan put at that time. */
export const DRIFT_BOUND_SIM_MS = 2 * 60_000;

/**
 * faults.onTime: every fault was applied and removed within the bound of its planned instant. The bound is
 * the larger of 2 s wall and 2 simulated minutes (docs/scoring.md "Run validity"). Phases are cut at the
 * actual times, so drift within it misattributes no sample.
 */
export function checkFaultsOnTime({ faults, speed }: { faults: LoggedFault[]; speed: number }): ValidityCheck {
  const bound = Math.max(DRIFT_BOUND_WALL_MS, Math.round(DRIFT_BOUND_SIM_MS / speed));
  const base = { name: 'faults.onTime', bound, unit: 'ms' } as const;
  const drifts = faults.flatMap((fault) => [
    { fault: fault.faultId, action: 'apply', drift: fault.applyDriftMs },
    { fault: fault.faultId, action: 'remove', drift: fault.removeDriftMs },
  ]).filter((entry): entry is { fault: string; action: string; drift: number } => typeof entry.drift === 'number');
  if (drifts.length === 0) return { ...base, passed: true, figure: null, message: faults.length === 0 ? 'no fault in the plan' : 'not measured: faults.ndjson has no drift' };
  const worst = drifts.reduce((a, b) => (Math.abs(b.drift) > Math.abs(a.drift) ? b : a));
  const figure = Math.abs(worst.drift);
  const text = `worst drift ${worst.drift >= 0 ? '+' : '-'}${figure} ms wall (${simulatedSpan({ wallMs: figure, speed })}) at the ${worst.action} of ${worst.fault}; bound ${bound} ms (${simulatedSpan({ wallMs: bound, speed })} at ${speed}x)`;
  if (figure <= bound) return { ...base, passed: true, figure, message: text };
  return { ...base, passed: false, figure, message: `${text}: the fault did not happen when the plan said; the machine or the fault driver was late` };
}
