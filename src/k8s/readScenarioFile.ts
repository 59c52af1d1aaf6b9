import { readFile } from 'node:fs/promises';
import { UserError } from '../core/index.ts';
import { loadScenario, type Scenario } from '../scenario/index.ts';

/**
 * A scenario file as `thap run` reads it (.yaml, .yml, .ts), or a `scenario.resolved.json` that thap wrote (the
 * run ConfigMap of `thap k8s render`, a run directory): that one was validated when it was resolved and is taken
 * as it is; its durations are already milliseconds, which the scenario schema would not read back.
 */
export async function readScenarioFile(file: string): Promise<Scenario> {
  if (!file.endsWith('.json')) return (await loadScenario(file)).scenario;
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`${file}: cannot read the resolved scenario: ${error.code ?? error.message}`);
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file}: not JSON (${(error as Error).message}); fix: give the scenario.resolved.json thap wrote, or the scenario's .yaml file`);
  }
  const missing = ['name', 'seed', 'clock', 'client', 'services', 'traffic', 'faults'].filter((field) => parsed === null || typeof parsed !== 'object' || !(field in parsed));
  if (missing.length > 0) {
    throw new UserError(`${file}: not a resolved scenario (no ${missing.join(', ')}); fix: give the scenario.resolved.json thap wrote, or the scenario's .yaml file`);
  }
  return parsed as Scenario;
}
