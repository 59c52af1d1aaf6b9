import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessError } from '../core/index.ts';
import type { CleanupStack } from './cleanupStack.ts';
import { startProcess, type ProcessExit, type ProcessGuard } from './managedProcess.ts';
import { withTimeout } from '../util/index.ts';

const thapBin = fileURLToPath(new URL('../../bin/thap.js', import.meta.url));

/**
 * Starts the NIC mocks as their own process (`thap mocks serve --json`), exactly as a user would, so that
 * their work never competes with the harness's timers. Resolves with each service's base URL from the
 * first line the process prints.
 */
export async function startMocksProcess({
  runDir,
  seed,
  services,
  configFile,
  cleanup,
  guard,
}: {
  runDir: string;
  seed: number;
  services: string[];
  configFile?: string;
  cleanup: CleanupStack;
  guard?: ProcessGuard;
}): Promise<{ urls: Record<string, string>; pid: number; exited: Promise<ProcessExit> }> {
  let announce: (urls: Record<string, string>) => void = () => undefined;
  const announced = new Promise<Record<string, string>>((resolve) => (announce = resolve));
  const logFile = join(runDir, 'mocks.log');
  const args = [thapBin, 'mocks', 'serve', '--json', '--run-dir', runDir, '--seed', String(seed), '--services', services.join(',')];
  if (configFile) args.push('--config', configFile);
  const mocks = startProcess({
    name: 'mocks',
    command: process.execPath,
    args,
    logFile,
    guard,
    onStdoutLine: (line) => {
      try {
        const parsed = JSON.parse(line) as { services?: Record<string, string> };
        if (parsed.services) announce(parsed.services);
      } catch {
        // Not the announcement line.
      }
    },
  });
  cleanup.defer('stop NIC mocks', async () => void (await mocks.stop()));
  const outcome = await withTimeout(
    Promise.race([announced, mocks.exited.then((exit) => exit)]),
    20_000,
    'NIC mocks start',
  ).catch((error: Error) => error);
  if (outcome instanceof Error || mocks.hasExited()) {
    const why = outcome instanceof Error ? outcome.message : `exited with code ${(outcome as { code: number | null }).code}`;
    throw new HarnessError(`the NIC mocks did not start: ${why} (see ${logFile})`, { code: 'THAP_MOCKS_FAILED' });
  }
  return { urls: outcome as Record<string, string>, pid: mocks.pid, exited: mocks.exited };
}
