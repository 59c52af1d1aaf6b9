// scenario: the document, its validation (every problem at once) and the plan. The public face other layers
// import.
export { formatDuration } from './duration.ts';
export { listScenarios } from './listScenarios.ts';
export { loadScenario } from './loadScenario.ts';
export { buildPlan, describePlan, type Plan, type PlannedFault } from './plan.ts';
export type { Scenario } from './schema.ts';

