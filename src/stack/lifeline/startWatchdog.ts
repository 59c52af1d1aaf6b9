import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import type { Socket } from 'node:net';
import type { GuardedProcess } from './endProcessGroups.ts';
import { processStartTime } from './processStartTime.ts';
import { encodeWatchdogMessage, type WatchdogMessage } from './watchdogMessages.ts';

export interface Watchdog {
  pid: number;
  startTime?: string;
  /** Tells the watchdog of a process group to end if thap dies. */
  watch(entry: GuardedProcess): void;
  /** Tells the watchdog to remove this run's labelled containers if thap dies. */
  watchContainers(runId: string): void;
  /** Ends the lifeline: the watchdog ends whatever of what it was told is still alive, then exits. */
  close(): void;
}

const watchdogEntry = new URL('./watchdog.ts', import.meta.url);

/**
 * Starts the run's watchdog (watchdog.ts) as a process in a session of its own, its stdin a pipe from thap:
 * the lifeline, which the kernel closes whenever thap ends, however it ends. Its output goes to `logFile`.
 * Neither the process nor the pipe keeps thap alive.
 */
export function startWatchdog({ logFile }: { logFile: string }): Watchdog {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), watchdogEntry.pathname], { stdio: ['pipe', log, log], detached: true });
  closeSync(log);
  child.unref();
  const lifeline = child.stdin as unknown as Socket;
  lifeline.unref();
  // A watchdog that could not start: thap runs on without it (the live-run record still lets the next start clean up).
  lifeline.on('error', () => undefined);
  child.on('error', () => undefined);
  const pid = child.pid ?? -1;
  const startTime = processStartTime(pid);
  const send = (message: WatchdogMessage) => {
    if (!lifeline.destroyed && lifeline.writable) lifeline.write(encodeWatchdogMessage(message));
  };
  return {
    pid,
    ...(startTime ? { startTime } : {}),
    watch: (entry) => send({ process: entry }),
    watchContainers: (runId) => send({ containers: { runId } }),
    close: () => lifeline.end(),
  };
}
