import { buildPlan, type Plan, type Scenario } from '../scenario/index.ts';
import { buildLoad, type Load } from './buildLoad.ts';

/** A scenario's load (what k6 replays) and its plan (what the run will do), built once from the same visits. */
export function planRun(scenario: Scenario): { plan: Plan; load: Load } {
  const load = buildLoad(scenario);
  return { plan: buildPlan(scenario, load), load };
}
