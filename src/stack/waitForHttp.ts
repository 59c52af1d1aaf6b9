import { HarnessError } from '../core/index.ts';
import type { ManagedProcess, ProcessExit } from './managedProcess.ts';

export type PollOutcome = { ok: true } | { ok: false; problem: string; exit?: ProcessExit };

/**
 * GETs `url` until it answers 2xx, for at most `timeoutMs`; stops early when `process` exits first. Never
 * throws: says what it saw last (a connection error code, `answered 503`, `no answer in time`).
 */
export async function pollHttp({ url, timeoutMs, process }: { url: string; timeoutMs: number; process?: ManagedProcess }): Promise<PollOutcome> {
  const deadline = Date.now() + timeoutMs;
  let problem = 'no answer yet';
  for (;;) {
    if (process?.hasExited()) return { ok: false, problem: 'exited', exit: await process.exited };
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.max(1, Math.min(1_000, deadline - Date.now()))) });
      await response.arrayBuffer();
      if (response.ok) return { ok: true };
      problem = `answered ${response.status}`;
    } catch (error) {
      const cause = (error as Error).cause as NodeJS.ErrnoException | undefined;
      problem = (error as Error).name === 'TimeoutError' ? 'no answer in time' : (cause?.code ?? cause?.message ?? (error as Error).message);
    }
    if (Date.now() + 100 >= deadline) return { ok: false, problem };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Polls `url` until it answers 2xx. Fails fast, naming the log to read, when the process exits first;
 * fails with the last problem seen when `timeoutMs` passes.
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
  const outcome = await pollHttp({ url, timeoutMs, ...(process ? { process } : {}) });
  if (outcome.ok) return;
  const seeLog = logFile ? ` (see ${logFile})` : '';
  if (outcome.exit) {
    throw new HarnessError(`${what} exited (code ${outcome.exit.code ?? outcome.exit.signal}) before it answered ${url}${seeLog}`, { code: 'THAP_NEVER_HEALTHY' });
  }
  throw new HarnessError(`${what} did not become healthy at ${url} within ${timeoutMs} ms (last: ${outcome.problem})${seeLog}`, { code: 'THAP_NEVER_HEALTHY' });
}
