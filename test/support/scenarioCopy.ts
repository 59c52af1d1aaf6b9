import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { repoRoot } from './runThap.ts';

/** The fields of a scenario file that tests edit; the rest is kept as it is. */
export interface ScenarioDocument {
  client: { command: string[]; env?: Record<string, string>; requestTimeout?: string; [field: string]: unknown };
  clock: { start: string; duration: string; speed: number; segments?: unknown };
  traffic: Array<{ count?: number; [field: string]: unknown }>;
  faults?: Array<{ at?: string; for?: string; until?: string; [field: string]: unknown }>;
  gates?: string[];
  [field: string]: unknown;
}

/**
 * Writes an edited copy of a scenario file (path relative to the repository) into a new temporary directory,
 * as a user edits a shipped scenario, and returns the copy's path.
 */
export async function scenarioCopy(file: string, edit: (scenario: ScenarioDocument) => void): Promise<string> {
  const scenario = parse(await readFile(join(repoRoot, file), 'utf8')) as ScenarioDocument;
  edit(scenario);
  const copy = join(await mkdtemp(join(tmpdir(), 'thap-scenario-')), basename(file));
  await writeFile(copy, stringify(scenario));
  return copy;
}

/** The same scenario with another client program (`node --import tsx <script>`) in `client.command`. */
export function withClient(file: string, clientScript: string, env?: Record<string, string>): Promise<string> {
  return scenarioCopy(file, (scenario) => {
    scenario.client.command = ['node', '--import', 'tsx', clientScript];
    if (env) scenario.client.env = env;
  });
}
