import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The Docker label every container of a run carries (`thap.run=<runId>`), so a dead run's containers can be found. */
export const runLabel = 'thap.run';

/**
 * Removes (force: stops first) every container labelled with this run id, through the docker CLI. Resolves
 * with the ids removed; an empty list where there are none or there is no Docker at all.
 */
export async function removeLabelledContainers({ runId, timeoutMs = 10_000 }: { runId: string; timeoutMs?: number }): Promise<string[]> {
  try {
    const { stdout } = await run('docker', ['ps', '-aq', '--filter', `label=${runLabel}=${runId}`], { timeout: timeoutMs });
    const ids = stdout.split('\n').map((line) => line.trim()).filter(Boolean);
    if (ids.length > 0) await run('docker', ['rm', '-f', '-v', ...ids], { timeout: timeoutMs });
    return ids;
  } catch {
    return [];
  }
}
