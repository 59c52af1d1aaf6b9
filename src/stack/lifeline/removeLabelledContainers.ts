import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The Docker label every container of a run carries (`thap.run=<runId>`), so a dead run's containers can be found. */
export const runLabel = 'thap.run';

/**
 * Removes (force: stops first) every container labelled with this run id, with its anonymous volumes, then
 * the networks and volumes carrying the label, through the docker CLI. Resolves with the container ids
 * removed; an empty list where there are none or there is no Docker at all.
 */
export async function removeLabelledContainers({ runId, timeoutMs = 10_000 }: { runId: string; timeoutMs?: number }): Promise<string[]> {
  const filter = ['--filter', `label=${runLabel}=${runId}`];
  const list = async (args: string[]): Promise<string[]> => {
    const { stdout } = await run('docker', [...args, ...filter], { timeout: timeoutMs });
    return stdout.split('\n').map((line) => line.trim()).filter(Boolean);
  };
  try {
    const ids = await list(['ps', '-aq']);
    if (ids.length > 0) await run('docker', ['rm', '-f', '-v', ...ids], { timeout: timeoutMs });
    const networks = await list(['network', 'ls', '-q']);
    if (networks.length > 0) await run('docker', ['network', 'rm', ...networks], { timeout: timeoutMs });
    const volumes = await list(['volume', 'ls', '-q']);
    if (volumes.length > 0) await run('docker', ['volume', 'rm', '-f', ...volumes], { timeout: timeoutMs });
    return ids;
  } catch {
    return [];
  }
}
