import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface BenchServer {
  url: string;
  pid: number;
  sink?: string;
  stop(): Promise<void>;
}

/**
 * Starts `bench/servers/<name>.ts` (or `name` itself when it is an absolute path to a .ts file, e.g. a server
 * of an older checkout for a before/after comparison) in its own node process and waits for its `{"url":...}` line.
 */
export function startServer(name: string, args: string[] = [], env: Record<string, string> = {}): Promise<BenchServer> {
  const file = name.startsWith('/') ? name : fileURLToPath(new URL(`../servers/${name}.ts`, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`bench server ${name} did not start within 20 s`));
    }, 20_000);
    child.once('exit', (code) => reject(new Error(`bench server ${name} exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const parsed = JSON.parse(line) as { url: string; sink?: string };
      resolve({ ...parsed, pid: child.pid!, stop });
    });
  });
}
