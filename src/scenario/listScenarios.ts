import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadScenario } from './loadScenario.ts';
import { wallDurationMs } from './plan.ts';
import { formatDuration } from './duration.ts';

export interface ScenarioSummary {
  file: string;
  name: string;
  title: string;
  wall: string;
  faults: number;
  basedOn: string[];
}

/** The scenarios shipped in a folder, each with its title, wall time at its default speed and its incident. */
export async function listScenarios({ dir }: { dir: string }): Promise<ScenarioSummary[]> {
  const files = (await readdir(dir)).filter((file) => /\.(ya?ml|ts)$/.test(file)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const summaries: ScenarioSummary[] = [];
  for (const file of files) {
    const { scenario } = await loadScenario(join(dir, file));
    summaries.push({
      file: join(dir, file),
      name: scenario.name,
      title: scenario.title ?? scenario.name,
      wall: formatDuration(wallDurationMs(scenario.clock)),
      faults: scenario.faults.length,
      basedOn: scenario.basedOn,
    });
  }
  return summaries;
}
