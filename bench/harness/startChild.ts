import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts a TypeScript file of bench/harness in its own node process and waits for the one line it prints
 * when ready, `{"url":"http://127.0.0.1:PORT"}` (bench/servers/announce.ts). `stop()` ends it (SIGTERM).
 */
export function startChild({ file, startupMs = 20_000 }: { file: string; startupMs?: number }): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${file} did not print its {"url":...} line within ${startupMs} ms`));
    }, startupMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited with ${code} before it was ready`));
    });
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ url: (JSON.parse(line) as { url: string }).url, pid: child.pid!, stop });
    });
  });
}
