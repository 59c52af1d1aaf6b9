import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const thapBin = fileURLToPath(new URL('../../bin/thap.js', import.meta.url));

export interface ThapResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `thap` CLI as a user would. With `signal`, sends it once stderr shows `signalWhen`
 * (e.g. the first progress line), to test interrupts. `onStderr` sees stderr so far after each chunk.
 */
export function runThap(args: string[], { signal, signalWhen, onStderr }: { signal?: NodeJS.Signals; signalWhen?: RegExp; onStderr?: (stderr: string) => void } = {}): Promise<ThapResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [thapBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      onStderr?.(stderr);
      if (signal && !signalled && signalWhen?.test(stderr)) {
        signalled = true;
        child.kill(signal);
      }
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
