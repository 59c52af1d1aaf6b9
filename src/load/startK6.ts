import { join } from 'node:path';
import type { CleanupStack } from '../stack/cleanupStack.ts';
import { startProcess, type ManagedProcess } from '../stack/managedProcess.ts';

/**
 * Starts the real k6 binary on a script, with raw samples to `k6.csv` (millisecond
 * timestamps) and k6's own output to `k6.log`. The caller awaits `process.exited`.
 */
export async function startK6({
  binary,
  runDir,
  scriptFile,
  env,
  cleanup,
}: {
  binary: string;
  runDir: string;
  scriptFile: string;
  env: Record<string, string>;
  cleanup: CleanupStack;
}): Promise<ManagedProcess> {
  const k6 = startProcess({
    name: 'k6',
    command: binary,
    args: ['run', '--no-usage-report', '--no-color', '--out', `csv=${join(runDir, 'k6.csv')}`, scriptFile],
    cwd: runDir,
    env: { ...env, K6_CSV_TIME_FORMAT: 'unix_milli' },
    logFile: join(runDir, 'k6.log'),
  });
  // On interrupt k6 gets SIGINT first: it stops its scenarios gracefully and flushes its outputs.
  cleanup.defer('stop k6', async () => void (await k6.stop({ signal: 'SIGINT', graceMs: 8_000 })));
  return k6;
}
