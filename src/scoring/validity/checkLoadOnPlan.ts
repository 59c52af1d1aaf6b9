import type { ValidityCheck } from '../reportSchema.ts';

/**
 * The share of planned visits k6 may fail to start, in percent. k6's arrival-rate executors start every
 * planned iteration unless they run out of VUs (dropped_iterations) or k6 stops early; a sound machine drops
 * none. 5% leaves room for VU start-up on a loaded machine, and is well below what moves a phase's figures.
 */
export const LOAD_SHORTFALL_BOUND_PERCENT = 5;

/**
 * load.onPlan: k6 offered the load the plan holds. Figure: visits planned (plan.json traffic) but never started
 * (no request sent) for a reason of the harness's, in percent of the plan; k6's dropped iterations are named in
 * the message. Iterations dropped while a slow or hanging client held every VU (`droppedByClient`,
 * droppedWhileClientSlow.ts) are the client's doing and count against its goodput, not against the run. A client
 * that failed its health check was offered no load on purpose: its gate says so, not this check.
 */
export function checkLoadOnPlan({ plannedVisits, startedVisits, droppedIterations, droppedByClient = 0, clientHealthy }: { plannedVisits?: number; startedVisits?: number; droppedIterations: number; droppedByClient?: number; clientHealthy?: boolean }): ValidityCheck {
  const base = { name: 'load.onPlan', bound: LOAD_SHORTFALL_BOUND_PERCENT, unit: '%' } as const;
  if (clientHealthy === false) return { ...base, passed: true, figure: null, message: 'no load was offered: the client failed its health check before load (a client gate fails)' };
  if (plannedVisits === undefined || plannedVisits === 0 || startedVisits === undefined) return { ...base, passed: true, figure: null, message: 'not measured: the plan names no visits' };
  const short = Math.max(0, plannedVisits - startedVisits - droppedByClient);
  const figure = Math.round((short / plannedVisits) * 1000) / 10;
  const heldByClient = droppedByClient > 0 ? `, ${droppedByClient} of them while the slow client held every VU, counted against the client` : '';
  const text = `k6 started ${startedVisits} of ${plannedVisits} planned visits (${droppedIterations} dropped iterations${heldByClient}; ${figure}% short for the harness's reasons); bound ${LOAD_SHORTFALL_BOUND_PERCENT}%`;
  if (figure <= LOAD_SHORTFALL_BOUND_PERCENT) return { ...base, passed: true, figure, message: text };
  return { ...base, passed: false, figure, message: `${text}: the load generator fell behind its plan, so the client was not offered the incident's load` };
}
