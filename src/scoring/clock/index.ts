// scoring/clock: the incident clock's rule for where faults may sit. A face of its own for the plan's dry run,
// which warns of a fault off the client's time scale without loading the rest of scoring.
export { faultsOffClientSpeed, RECOVERY_SCORED_SIM_MS, type FaultWindow } from './faultsOffClientSpeed.ts';
