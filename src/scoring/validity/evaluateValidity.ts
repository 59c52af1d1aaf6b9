import type { Phase, Validity } from '../reportSchema.ts';
import type { LoggedFault } from '../runFiles/readFaults.ts';
import { checkDrainCapacity, type DrainOutcome } from './checkDrainCapacity.ts';
import { checkFaultsOnTime } from './checkFaultsOnTime.ts';
import { checkFaultsTouched } from './checkFaultsTouched.ts';
import { checkHarnessAlive } from './checkHarnessAlive.ts';
import { checkLoadOnPlan } from './checkLoadOnPlan.ts';
import { checkMachineBusy } from './checkMachineBusy.ts';
import { checkMocksBaselineSpeed } from './checkMocksBaselineSpeed.ts';
import type { FaultTargetCounter } from './FaultTargetCounter.ts';
import type { ValidityInputs } from './readValidityInputs.ts';
import { speedAt, type IncidentClock } from '../clock/incidentClock.ts';

/** What the checks read from the scored run besides their own inputs. */
export interface ScoredRun {
  faults: LoggedFault[];
  /** Requests the mocks received in each app fault's scope and window (upstream.ndjson), touched or not. */
  faultTargets?: FaultTargetCounter;
  phases: Phase[];
  /** Visits that sent at least one request (distinct visit ids in k6's outcome samples). */
  startedVisits: number;
  droppedIterations: number;
  /** Of those, the ones dropped while a slow client held every VU (droppedWhileClientSlow.ts). */
  droppedByClient?: number;
  /** What the drain left at its deadline; absent for a run whose plan has none. */
  drain?: DrainOutcome;
  /** The run's span on the wall clock (load start to end). */
  start: number;
  end: number;
}

/**
 * Was the run valid? Each check says whether the harness and the machine did what the plan said
 * (DESIGN.md "The verdict, in order", step 1); the run is valid when every check passed.
 */
export function evaluateValidity({ inputs, run }: { inputs: ValidityInputs; run: ScoredRun }): Validity {
  const baseline = run.phases.find((phase) => phase.kind === 'baseline');
  const fault = run.phases.find((phase) => phase.kind === 'fault');
  const checks = [
    checkHarnessAlive({ failures: inputs.harnessFailures, probes: inputs.probes, monitored: inputs.monitored, clock: inputs.clock }),
    checkFaultsTouched({ faults: run.faults, ...(run.faultTargets ? { requestsTo: (faultId: string) => run.faultTargets?.requestsTo(faultId), chanceUntouched: (faultId: string) => run.faultTargets?.chanceUntouched(faultId) } : {}), phases: run.phases, clientExitsAt: inputs.clientExitsAt, ...(inputs.clientHealthy !== undefined ? { clientHealthy: inputs.clientHealthy } : {}), clock: inputs.clock }),
    checkLoadOnPlan({ ...(inputs.plannedVisits !== undefined ? { plannedVisits: inputs.plannedVisits } : {}), startedVisits: run.startedVisits, droppedIterations: run.droppedIterations, ...(run.droppedByClient !== undefined ? { droppedByClient: run.droppedByClient } : {}), ...(inputs.clientHealthy !== undefined ? { clientHealthy: inputs.clientHealthy } : {}) }),
    checkFaultsOnTime({ faults: run.faults, speed: speedAtFaults(inputs.clock, run.faults) }),
    checkMocksBaselineSpeed({ probes: inputs.probes, from: baseline?.start ?? run.start, to: baseline?.end ?? run.end }),
    checkMachineBusy({ samples: inputs.hostSamples, ...(inputs.machineWaitBoundMs !== undefined ? { bound: inputs.machineWaitBoundMs } : {}), from: baseline?.start ?? run.start, to: fault?.end ?? baseline?.end ?? run.end }),
    checkDrainCapacity({ samples: inputs.hostSamples, drain: run.drain }),
  ];
  return { valid: checks.every((check) => check.passed), checks };
}

/** The fastest speed at the faults' instants (the strictest bound); the clock's speed when there are none or it has one speed. */
function speedAtFaults(clock: IncidentClock, faults: LoggedFault[]): number {
  const speeds = faults.flatMap((fault) => [fault.appliedAt, fault.removedAt]).filter((at): at is number => at !== null).map((at) => speedAt(clock, at));
  return speeds.length > 0 ? Math.max(...speeds) : clock.speed;
}
