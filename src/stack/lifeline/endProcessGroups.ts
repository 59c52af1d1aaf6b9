import { groupRunning, processStartTime } from './processStartTime.ts';

/** A process thap started, in its own process group (pgid = pid), named by pid and start time. */
export interface GuardedProcess {
  name: string;
  pid: number;
  /** From processStartTime when it was started; absent where the system has no /proc. */
  startTime?: string;
}

/**
 * Whether the group of this process may be signalled: its leader is the same process (same start time), or
 * the leader is gone and only the rest of its group may be left (a pid that leads a live group is never
 * given to another process). A leader that is now another process is left alone.
 */
export function isOurs(entry: GuardedProcess, startTimeOf: (pid: number) => string | undefined = processStartTime): boolean {
  const now = startTimeOf(entry.pid);
  return now === undefined || entry.startTime === undefined || now === entry.startTime;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(-pid, name);
  } catch {
    // Gone already.
  }
}

/**
 * Ends the process group of each entry that is still alive and still ours: SIGTERM (the mocks flush their
 * ledger, k6 its samples), then SIGKILL to whatever is left after `graceMs`. Resolves with the names of the
 * groups that were alive, once every one of them is gone (or `graceMs` plus a last SIGKILL has passed).
 */
export async function endProcessGroups({ processes, graceMs, pollMs = 50 }: { processes: GuardedProcess[]; graceMs: number; pollMs?: number }): Promise<string[]> {
  const live = processes.filter((entry) => groupRunning(entry.pid) && isOurs(entry));
  for (const entry of live) signal(entry.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (live.some((entry) => groupRunning(entry.pid)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, pollMs));
  for (const entry of live) if (groupRunning(entry.pid)) signal(entry.pid, 'SIGKILL');
  return live.map((entry) => `${entry.name} (${entry.pid})`);
}
