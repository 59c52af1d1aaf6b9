import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import type { Socket } from 'node:net';
import type { GuardedProcess } from './lifeline/endProcessGroups.ts';
import { processStartTime } from './lifeline/processStartTime.ts';
import { LIFELINE_FD, LIFELINE_FD_ENV } from './lifeline/watchLifeline.ts';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Resolves when the process has exited, for whatever reason. */
  exited: Promise<ProcessExit>;
  hasExited(): boolean;
  /** SIGTERM, then SIGKILL after graceMs; resolves once the process is gone. Safe to call twice. */
  stop(options?: { graceMs?: number; signal?: NodeJS.Signals }): Promise<ProcessExit>;
}

/** Whoever must know of every process a run starts, the moment it starts (the run's watchdog and live record). */
export interface ProcessGuard {
  adopt(entry: GuardedProcess): void;
}

/**
 * Starts a child process whose output goes to a log file (and, if asked, line by line to a callback),
 * in its own process group so that stopping it also stops anything it started. Every child gets a lifeline
 * (a pipe at descriptor 3, named by THAP_LIFELINE_FD) that ends when thap ends: thap's own processes watch it
 * (watchLifeline.ts); `guard` learns of the child at once, for those that do not (Toxiproxy, k6, a vendor's client).
 */
export function startProcess({
  name,
  command,
  args,
  env,
  cwd,
  logFile,
  onStdoutLine,
  guard,
}: {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  logFile: string;
  onStdoutLine?: (line: string) => void;
  guard?: ProcessGuard;
}): ManagedProcess {
  const log = createWriteStream(logFile, { flags: 'a' });
  const stdio: Array<'ignore' | 'pipe'> = ['ignore', 'pipe', 'pipe'];
  stdio[LIFELINE_FD] = 'pipe';
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env, [LIFELINE_FD_ENV]: String(LIFELINE_FD) }, stdio, detached: true });
  if (child.pid !== undefined) guard?.adopt({ name, pid: child.pid, ...optional(processStartTime(child.pid)) });
  // thap's end of the lifeline: never written, never keeps thap alive; the kernel closes it when thap ends.
  const lifeline = child.stdio[LIFELINE_FD] as Socket | null;
  lifeline?.on('error', () => undefined);
  lifeline?.unref();
  let exit: ProcessExit | undefined;
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => {
      log.write(`[thap] could not start ${command}: ${error.message}\n`);
      exit = { code: -1, signal: null };
      resolve(exit);
    });
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      lifeline?.destroy();
      resolve(exit);
    });
  }).then(async (result) => {
    await new Promise<void>((resolve) => log.end(resolve));
    return result;
  });
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log.write(chunk);
    if (!onStdoutLine) return;
    pending += chunk.toString('utf8');
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      onStdoutLine(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => log.write(chunk));

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };

  return {
    name,
    pid: child.pid ?? -1,
    child,
    exited,
    hasExited: () => exit !== undefined,
    stop: async ({ graceMs = 5_000, signal = 'SIGTERM' } = {}) => {
      if (exit) return exited;
      signalGroup(signal);
      const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      // Whatever it started in its group goes too.
      signalGroup('SIGKILL');
      return result;
    },
  };
}

function optional(startTime: string | undefined): { startTime?: string } {
  return startTime === undefined ? {} : { startTime };
}
