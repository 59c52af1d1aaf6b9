import type { PlannedDrain } from '../runFiles/readRunInfo.ts';
import { simSpan, type IncidentClock } from '../clock/incidentClock.ts';

export interface DrainDeadline {
  /** Wall epoch ms. */
  at: number;
  /** The same instant in simulated ms of the day (the incident's clock). */
  simMs: number;
}

/**
 * The drain deadline of a run: the scenario's `client.drainDeadline` after the planned end of the load
 * (plan.json `drain`, read by readRunInfo), counted from t0; never before the load's last answer
 * (`loadEndAt`: k6 may finish its last visits after the planned end, and a write accepted then is judged at
 * that moment), the delay moving its simulated time on the incident's clock. Null for a run whose plan has no
 * deadline (older runs): integrity then judges at the end of the run.
 */
export function drainDeadline({ drain, clock, loadEndAt }: { drain: PlannedDrain | undefined; clock: IncidentClock; loadEndAt: number | null }): DrainDeadline | null {
  if (drain === undefined) return null;
  const planned = clock.t0 + drain.deadlineWallMs;
  const at = loadEndAt === null ? planned : Math.max(planned, loadEndAt);
  return { at, simMs: drain.deadlineSim + simSpan(clock, planned, at) };
}
