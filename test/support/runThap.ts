import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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

/**
 * Runs the real `thap` CLI as a user would. With `signal`, sends it once stderr shows `signalWhen`
 * (e.g. the first progress line), to test interrupts and kills; `beforeSignal(pid)` runs just before (e.g. to
 * list the processes thap has started).
 */
export function runThap(
  args: string[],
  { signal, signalWhen, env, beforeSignal }: { signal?: NodeJS.Signals; signalWhen?: RegExp; env?: NodeJS.ProcessEnv; beforeSignal?: (pid: number) => unknown } = {},
): Promise<ThapResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [thapBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true', ...env } });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    let signalledAt: number | undefined;
    let snapshot: unknown;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (signal && !signalled && signalWhen?.test(stderr)) {
        signalled = true;
        snapshot = beforeSignal?.(child.pid as number);
        signalledAt = Date.now();
        child.kill(signal);
      }
    });
    let exitedAt = 0;
    child.on('exit', () => (exitedAt = Date.now()));
    child.on('close', (code, exitSignal) =>
      resolve({ code, exitSignal, stdout, stderr, ...(signalledAt === undefined ? {} : { exitAfterSignalMs: exitedAt - signalledAt, snapshot }) }),
    );
  });
}
