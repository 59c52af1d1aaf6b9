import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const thapBin = fileURLToPath(new URL('../../bin/thap.js', import.meta.url));

export interface ThapResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunThapOptions {
  /** Sent once stderr matches `signalWhen` (e.g. the first progress line), to test interrupts. */
  signal?: NodeJS.Signals;
  signalWhen?: RegExp;
  /** Sends SIGINT after this long, so a run that hangs still ends with its partial report. */
  timeoutMs?: number;
  /** Waits for and holds this lock (`flock`) for exactly the command's own duration (the real-run lock). */
  lockFile?: string;
  /** Sees stderr so far after each chunk (e.g. to act on the run's processes at a moment of the run). */
  onStderr?: (stderr: string) => void;
}

/** Runs the real `thap` CLI (`node bin/thap.js <args>`) from the repository root, as a user would. */
export function runThap(args: string[], { signal, signalWhen, timeoutMs, lockFile, onStderr }: RunThapOptions = {}): Promise<ThapResult> {
  return new Promise((resolve) => {
    const command = [process.execPath, thapBin, ...args];
    const [program, ...rest] = lockFile ? ['flock', lockFile, ...command] : command;
    const child = spawn(program as string, rest, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGINT'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      onStderr?.(stderr);
      if (signal && !signalled && signalWhen?.test(stderr)) {
        signalled = true;
        child.kill(signal);
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
