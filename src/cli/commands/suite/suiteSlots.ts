import { join } from 'node:path';
import { UserError } from '../../../core/index.ts';
import { buildLoad } from '../../../load/index.ts';
import { loadClientMapping } from '../../../run/index.ts';
import { loadScenario, type Scenario } from '../../../scenario/index.ts';
import { clientSlug, type Suite, type SuiteClient } from './suiteFile.ts';

/** One run of the suite: a scenario with one client in place of its own, one repeat, in its own directory. */
export interface SuiteSlot {
  scenario: Scenario;
  scenarioFile: string;
  client: SuiteClient;
  repeat: number;
  /** `<suite dir>/runs/<scenario>/<client>/r<repeat>`: the run directory thap run makes goes inside. */
  dir: string;
  /** Where the client's mapping was given, for its errors. */
  mappingField: string;
}

/** A scenario with the suite's client in place of its own (its command or URL, name, mapping, health and env). */
export function withSuiteClient(scenario: Scenario, client: SuiteClient): Scenario {
  const { command: _command, url: _url, mapping: _mapping, name: _name, ...kept } = scenario.client;
  return {
    ...scenario,
    client: {
      ...kept,
      name: client.name,
      health: client.health,
      env: client.env ?? {},
      ...(client.command ? { command: client.command } : {}),
      ...(client.url ? { url: client.url } : {}),
      ...(client.mapping ? { mapping: client.mapping } : {}),
    },
  };
}

/**
 * Every run of a suite, scenario by scenario, then client, then repeat; each scenario loaded (with the suite's
 * speed) and each client's mapping checked against its load before any run starts, so a bad suite stops at
 * once (exit 2) rather than an hour in.
 */
export async function suiteSlots({ suite, suiteFile, suiteDir }: { suite: Suite; suiteFile: string; suiteDir: string }): Promise<SuiteSlot[]> {
  const slots: SuiteSlot[] = [];
  const names = new Map<string, string>();
  for (const [index, entry] of suite.scenarios.entries()) {
    const { scenario } = await loadScenario(entry.file, { overrides: { ...(entry.speed !== undefined ? { speed: entry.speed } : {}) } });
    const other = names.get(scenario.name);
    if (other !== undefined) throw new UserError(`${suiteFile}: scenarios.${index}: ${entry.file} is scenario ${scenario.name}, as ${other} is; list each scenario once (repeats: runs it again)`);
    names.set(scenario.name, entry.file);
    const load = buildLoad(scenario);
    for (const [clientIndex, client] of suite.clients.entries()) {
      const mappingField = `${suiteFile}: clients.${clientIndex}.mapping`;
      const { scenario: mapped } = await loadClientMapping({ scenario: withSuiteClient(scenario, client), load, field: mappingField });
      for (let repeat = 1; repeat <= suite.repeats; repeat += 1) {
        slots.push({ scenario: mapped, scenarioFile: entry.file, client, repeat, dir: join(suiteDir, 'runs', scenario.name, clientSlug(client.name), `r${repeat}`), mappingField });
      }
    }
  }
  return slots;
}
