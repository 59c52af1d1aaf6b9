import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

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

/**
 * Starts a child process whose output goes to a log file (and, if asked, line by line to a callback),
 * in its own process group so that stopping it also stops anything it started.
 */
export function startProcess({
  name,
  command,
  args,
  env,
  cwd,
  logFile,
  onStdoutLine,
}: {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  logFile: string;
  onStdoutLine?: (line: string) => void;
}): ManagedProcess {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let exit: ProcessExit | undefined;
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => {
      log.write(`[thap] could not start ${command}: ${error.message}\n`);
      exit = { code: -1, signal: null };
      resolve(exit);
    });
    child.once('exit', (code, signal) => {
      exit = { code, signal };
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
