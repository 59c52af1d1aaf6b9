import { contractSteps, type StepName } from '../../contract/index.ts';
import type { Phase, ValidityCheck } from '../reportSchema.ts';
import type { LoggedFault } from '../runFiles/readFaults.ts';
import { incidentTime } from './incidentTime.ts';
import type { IncidentClock } from './readValidityInputs.ts';

/**
 * faults.touched: every applied fault touched the requests it targets, or the run measured nothing of it.
 * An app fault touched `hits` requests (the mocks count them); a network fault passed `bytes` through its
 * proxy or, when that reads 0 or null (a disabled proxy; bytes of connections still open), touched the journey
 * steps that call its service (src/contract/steps.ts) within the fault's window. A fault that touched nothing while the client was down (it exited, or failed its
 * health check) is the client's doing and is not counted; so is an app fault that touched nothing because no
 * request in its scope (service, route, method) reached the mocks while it was applied (`requestsTo`, counted
 * from upstream.ndjson): the client sent NIC nothing there, which its score judges; nor one on a share of requests
 * (`rate`) that the client sent too few for its roll to be sure to touch one (CHANCE_BOUND). Bound: 0 untouched faults.
 */
export function checkFaultsTouched({ faults, phases, clientExitsAt, clientHealthy, clock, requestsTo, chanceUntouched }: {
  faults: LoggedFault[];
  phases: Phase[];
  clientExitsAt: number[];
  clientHealthy?: boolean;
  clock: IncidentClock;
  requestsTo?: (faultId: string) => number | undefined;
  chanceUntouched?: (faultId: string) => number | undefined;
}): ValidityCheck {
  const base = { name: 'faults.touched', bound: 0, unit: 'faults' } as const;
  const applied = faults.filter((fault) => fault.appliedAt !== null);
  if (applied.length === 0) return { ...base, passed: true, figure: null, message: 'no fault was applied' };
  const measured: Array<{ fault: LoggedFault; touched: number; what: string }> = [];
  for (const fault of applied) {
    const touched = touchedBy({ fault, phases, several: applied.length > 1 });
    if (touched !== undefined) measured.push({ fault, ...touched });
  }
  if (measured.length === 0) return { ...base, passed: true, figure: null, message: 'not measured: faults.ndjson has no hits or bytes (a run older than the fault counts)' };
  const clientDownBy = (until: number) => clientHealthy === false || clientExitsAt.some((at) => at < until);
  const unasked = (fault: LoggedFault) => fault.hits === 0 && requestsTo?.(fault.faultId) === 0;
  const tooFew = (fault: LoggedFault) => fault.hits === 0 && !unasked(fault) && (chanceUntouched?.(fault.faultId) ?? 0) >= CHANCE_BOUND;
  const untouched = measured.filter(({ fault, touched }) => touched === 0 && !clientDownBy(fault.removedAt ?? Infinity) && !unasked(fault) && !tooFew(fault));
  const summary = measured.map(({ fault, touched, what }) => `${fault.faultId} ${touched} ${what}`).join(', ');
  const notSent = measured.filter(({ fault }) => unasked(fault)).map(({ fault }) => fault.faultId);
  const few = measured.filter(({ fault }) => tooFew(fault)).map(({ fault }) => `${fault.faultId} (${requestsTo?.(fault.faultId) ?? 0} requests; untouched by chance ${Math.round((chanceUntouched?.(fault.faultId) ?? 0) * 100)}% of the time)`);
  const notSentNote =
    (notSent.length === 0 ? '' : `; the client sent no request in the scope of ${notSent.join(', ')} while it was applied, which its score judges`) +
    (few.length === 0 ? '' : `; the client sent too few requests for a fault on a share of them to be sure to touch one: ${few.join(', ')}, which its score judges`);
  if (untouched.length === 0) return { ...base, passed: true, figure: 0, message: `every applied fault touched traffic${notSent.length === 0 && few.length === 0 ? '' : ' or was sent none or too few'} (${summary})${notSentNote}` };
  const described = untouched.map(({ fault, what }) => `fault ${fault.faultId} (${fault.describe || `${fault.service}: ${fault.kind}`}) was applied from ${incidentTime({ at: fault.appliedAt ?? 0, clock })} to ${fault.removedAt === null ? 'the end' : incidentTime({ at: fault.removedAt, clock })} and touched 0 ${what}`);
  return { ...base, passed: false, figure: untouched.length, message: `${described.join('; ')}: the run measured nothing of it; check that the fault's service and route are ones the client calls` };
}

/**
 * A fault that acts on a share of requests (`rate`) and touched none of the n the client sent in its scope is
 * blamed on the harness only when that is this unlikely by its own roll, (1 - rate)^n: a fault on 5% of writes
 * needs 135 of them. The bound is low so that a fault that never fired on real volume (thousands) is still caught.
 */
export const CHANCE_BOUND = 0.001;

/** What one fault touched, in its own unit; undefined when the run directory does not say. */
function touchedBy({ fault, phases, several }: { fault: LoggedFault; phases: Phase[]; several: boolean }): { touched: number; what: string } | undefined {
  if (fault.hits !== undefined) return { touched: fault.hits, what: 'requests (mock hits)' };
  if (typeof fault.bytes === 'number' && fault.bytes > 0) return { touched: fault.bytes, what: 'bytes through the proxy' };
  // Toxiproxy adds a connection's bytes to its counter when the connection closes: a fault over keep-alive or
  // hung connections can read 0 bytes while requests were sent into it. Then, as for a disabled proxy (bytes
  // null), the journey steps that call the fault's service within its window say what it touched.
  if (fault.bytes === undefined) return undefined;
  const phase = phases.find((candidate) => (several ? candidate.name === `fault-${fault.faultId}` : candidate.name === 'fault'));
  if (phase?.steps === undefined) return fault.bytes === 0 ? { touched: 0, what: 'bytes through the proxy' } : undefined;
  let requests = 0;
  for (const [step, counts] of Object.entries(phase.steps)) {
    const service = step in contractSteps ? contractSteps[step as StepName].service : undefined;
    if (fault.service === 'all' || service === fault.service) requests += counts.done + counts.queued + counts.failed;
  }
  return { touched: requests, what: `requests of steps that call ${fault.service}` };
}
