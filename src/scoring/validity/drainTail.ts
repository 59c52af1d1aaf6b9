import { simMsOf, wallAt, type IncidentClock } from '../clock/incidentClock.ts';

/**
 * The share of the drain (the planned end of the load to the drain deadline, on the incident's clock) whose
 * deliveries tell whether the client was still delivering when the deadline came: its last tenth, six
 * simulated minutes of O1's hour.
 */
export const DRAIN_TAIL_SHARE = 0.1;

/** The last stretch of the drain before its deadline: wall instants, and its simulated length. */
export interface DrainTail {
  from: number;
  to: number;
  simMs: number;
}

/** The drain's last tenth on the incident's clock, from the planned end of the load (`loadEnd`) to the deadline (`deadlineAt`), both wall instants. */
export function drainTail({ clock, loadEnd, deadlineAt }: { clock: IncidentClock; loadEnd: number; deadlineAt: number }): DrainTail {
  const deadlineSim = simMsOf(clock, deadlineAt);
  const simMs = Math.max(0, (deadlineSim - simMsOf(clock, Math.min(loadEnd, deadlineAt))) * DRAIN_TAIL_SHARE);
  return { from: Math.min(deadlineAt, wallAt(clock, deadlineSim - simMs)), to: deadlineAt, simMs: Math.round(simMs) };
}
