import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lastWriteAt } from '../../scoring/runFiles/index.ts';
import { writeJsonAtomic } from '../runDirectory.ts';

/**
 * Ends the run.json of a run whose thap died while it was `running`: status `interrupted`, `endedBy: killed`,
 * `endedAt` the last write to the run directory, and an event saying who found it. Returns whether run.json
 * was changed (false: it had ended, or there is none).
 */
export async function markKilledRun({ runDir, by, now = Date.now() }: { runDir: string; by: string; now?: number }): Promise<boolean> {
  const file = join(runDir, 'run.json');
  let run: Record<string, unknown>;
  try {
    run = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return false;
  }
  if (run.status !== 'running') return false;
  const endedAt = (await lastWriteAt(runDir)) ?? now;
  const events = Array.isArray(run.events) ? run.events : [];
  await writeJsonAtomic(file, {
    ...run,
    status: 'interrupted',
    endedBy: 'killed',
    endedAt,
    events: [...events, { at: now, what: `thap was killed while the run was live; ${by} ended what it left` }],
  });
  return true;
}
