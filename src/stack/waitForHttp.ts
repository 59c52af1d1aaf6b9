import { HarnessError } from '../core/index.ts';
import type { ManagedProcess, ProcessExit } from './managedProcess.ts';

export type PollOutcome = { ok: true } | { ok: false; problem: string; exit?: ProcessExit };

/** How long one GET may wait for its answer. */
const ATTEMPT_TIMEOUT_MS = 1_000;

/**
 * GETs `url` until it answers 2xx, for at most `timeoutMs`; stops early when `process` exits first. Never
 * throws: says what it saw last (a connection error code, `answered 503`, `no answer in time`). A last GET
 * that the deadline cut short of its full second says nothing about the client, so it does not replace
 * what an earlier GET saw (a loaded machine turned `answered 503` into `no answer in time` that way).
 */
export async function pollHttp({ url, timeoutMs, process }: { url: string; timeoutMs: number; process?: ManagedProcess }): Promise<PollOutcome> {
  const deadline = Date.now() + timeoutMs;
  let problem = 'no answer yet';
  for (;;) {
    if (process?.hasExited()) return { ok: false, problem: 'exited', exit: await process.exited };
    const allowanceMs = Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, deadline - Date.now()));
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(allowanceMs) });
      await response.arrayBuffer();
      if (response.ok) return { ok: true };
      problem = `answered ${response.status}`;
    } catch (error) {
      const cause = (error as Error).cause as NodeJS.ErrnoException | undefined;
      const timedOut = (error as Error).name === 'TimeoutError';
      const cutShort = timedOut && allowanceMs < ATTEMPT_TIMEOUT_MS && problem !== 'no answer yet';
      if (!cutShort) problem = timedOut ? 'no answer in time' : (cause?.code ?? cause?.message ?? (error as Error).message);
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
