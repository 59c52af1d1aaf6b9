import { HarnessError } from '../errors.ts';
import type { ManagedProcess } from './managedProcess.ts';

/**
 * Polls `url` until it answers 2xx. Fails fast, naming the log to read, when the process exits first;
 * fails with the last error seen when `timeoutMs` passes.
 */
export async function waitForHttp({
  url,
  timeoutMs,
  process,
  what,
  logFile,
}: {
  url: string;
  timeoutMs: number;
  process?: ManagedProcess;
  what: string;
  logFile?: string;
}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  const seeLog = logFile ? ` (see ${logFile})` : '';
  while (Date.now() < deadline) {
    if (process?.hasExited()) {
      const exit = await process.exited;
      throw new HarnessError(`${what} exited (code ${exit.code ?? exit.signal}) before it answered ${url}${seeLog}`, { code: 'THAP_NEVER_HEALTHY' });
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await response.arrayBuffer();
      if (response.ok) return;
      lastProblem = `answered ${response.status}`;
    } catch (error) {
      lastProblem = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new HarnessError(`${what} did not become healthy at ${url} within ${timeoutMs} ms (last: ${lastProblem})${seeLog}`, {
    code: 'THAP_NEVER_HEALTHY',
  });
}
