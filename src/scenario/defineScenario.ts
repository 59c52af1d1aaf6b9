import type { ScenarioInput } from './schema.ts';

/** Returns its input unchanged: it exists so that TypeScript scenario files are type-checked. */
export function defineScenario(scenario: ScenarioInput): ScenarioInput {
  return scenario;
}
