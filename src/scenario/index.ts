// scenario: the document, its validation (every problem at once) and the plan. The public face other layers
// import.
export { formatDuration } from './duration.ts';
export { constantTrafficWindow } from './checkTrafficWindows.ts';
export { listScenarios } from './listScenarios.ts';
export { loadScenario } from './loadScenario.ts';
export { faultCatalogue, knownFaultKinds } from './faultCatalogue/index.ts';
export { allServices } from './fields.ts';
export { scenarioClock } from './scenarioClock.ts';
export { buildPlan, describePlan, type Plan, type PlannedFault } from './plan.ts';
export type { Scenario } from './schema.ts';

