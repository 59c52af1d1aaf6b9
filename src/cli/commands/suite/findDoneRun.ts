import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The run directory inside a suite slot that holds a finished, scored run (report.json with status passed or
 * failed and a score), the newest when there are several; undefined when none does. A run that was
 * interrupted, ended in a harness error or is invalid (the machine or the harness to blame) is not done: the
 * suite runs the slot again.
 */
export async function findDoneRun(slotDir: string): Promise<string | undefined> {
  const entries = await readdir(slotDir, { withFileTypes: true }).catch(() => []);
  // Run directories are named <scenario>-<UTC stamp>[-n]: the names sort by start time.
  const runDirs = entries.filter((entry) => entry.isDirectory()).map((entry) => join(slotDir, entry.name)).sort().reverse();
  for (const runDir of runDirs) {
    const report = await readFile(join(runDir, 'report.json'), 'utf8').then((text) => JSON.parse(text) as { status?: string; score?: { total?: unknown } }, () => undefined);
    if (report && (report.status === 'passed' || report.status === 'failed') && typeof report.score?.total === 'number') return runDir;
  }
  return undefined;
}
