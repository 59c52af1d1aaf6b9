import { readdirSync } from 'node:fs';
import { liveRunsDir } from './liveRunRecord.ts';

/**
 * At every thap start: undoes what a killed run left (sweepDeadRuns), one stderr line per run. Costs one
 * directory read when there is nothing to undo: the sweep itself is loaded only when a record exists.
 * Never fails the command it runs before.
 */
export async function sweepOnStart({ write = (line: string) => process.stderr.write(`${line}\n`), runsDir = liveRunsDir() }: { write?: (line: string) => void; runsDir?: string } = {}): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(runsDir);
  } catch {
    return;
  }
  if (!names.some((name) => name.endsWith('.json'))) return;
  try {
    const { sweepDeadRuns, describeSweep } = await import('./sweepDeadRuns.ts');
    for (const run of await sweepDeadRuns({ runsDir, by: 'the next thap start' })) write(`thap: ${describeSweep(run)}`);
  } catch (error) {
    write(`thap: could not clean up after a killed run (${(error as Error).message}); run \`thap doctor --cleanup\``);
  }
}
