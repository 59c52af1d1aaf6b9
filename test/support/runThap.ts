import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const thapBin = fileURLToPath(new URL('../../bin/thap.js', import.meta.url));

export interface ThapResult {
  code: number | null;
  /** The signal that ended thap itself (SIGKILL), when it did not exit. */
  exitSignal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall ms from the signal to thap's exit (undefined without a signal). */
  exitAfterSignalMs?: number;
  /** What `beforeSignal` returned. */
  snapshot?: unknown;
}

export interface RunThapOptions {
  /** Sent once stderr matches `signalWhen` (e.g. the first progress line), to test interrupts and kills. */
  signal?: NodeJS.Signals;
  signalWhen?: RegExp;
  /** Runs just before the signal, with thap's pid (e.g. to list the processes thap has started). */
  beforeSignal?: (pid: number) => unknown;
  /** Sees the stderr so far after each chunk (e.g. to kill a harness process once the fault is on). */
  onStderr?: (stderr: string) => void;
  /** Sends SIGINT after this long, so a run that hangs still ends with its partial report. */
  timeoutMs?: number;
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Waits for and holds this lock (`flock`) for exactly the command's own duration (the real-run lock). */
  lockFile?: string;
}

/** Runs the real `thap` CLI (`node bin/thap.js <args>`) from the repository root, as a user would. */
export function runThap(args: string[], { signal, signalWhen, beforeSignal, onStderr, timeoutMs, env, lockFile }: RunThapOptions = {}): Promise<ThapResult> {
  return new Promise((resolve) => {
    const command = [process.execPath, thapBin, ...args];
    const [program, ...rest] = lockFile ? ['flock', lockFile, ...command] : command;
    const child = spawn(program as string, rest, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true', ...env } });
    let stdout = '';
    let stderr = '';
    let signalledAt: number | undefined;
    let snapshot: unknown;
    let exitedAt = 0;
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGINT'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      onStderr?.(stderr);
      if (signal && signalledAt === undefined && signalWhen?.test(stderr)) {
        snapshot = beforeSignal?.(child.pid as number);
        signalledAt = Date.now();
        child.kill(signal);
      }
    });
    child.on('exit', () => (exitedAt = Date.now()));
    child.on('close', (code, exitSignal) => {
      clearTimeout(timer);
      resolve({ code, exitSignal, stdout, stderr, ...(signalledAt === undefined ? {} : { exitAfterSignalMs: exitedAt - signalledAt, snapshot }) });
    });
  });
}
