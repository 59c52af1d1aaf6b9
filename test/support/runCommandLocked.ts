import { spawn } from 'node:child_process';

export interface CommandOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `fn` holding the lock file THAP_REALRUN_LOCK (`flock`: a machine where several suites take turns with
 * real runs), or at once when that is not set (CI). The lock is held by a helper process, so the commands
 * `fn` starts are thap's own processes and a signal sent to them reaches them.
 */
export async function withRealRunLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = process.env.THAP_REALRUN_LOCK;
  if (!lock) return fn();
  const holder = spawn('flock', [lock, '-c', 'echo locked; exec cat'], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once('data', () => resolve());
    holder.once('exit', (code) => reject(new Error(`flock ${lock} ended (${code}) before it held the lock`)));
  });
  try {
    return await fn();
  } finally {
    holder.stdin.end();
  }
}

/** Runs a command to its end (holding THAP_REALRUN_LOCK when `locked` and it is set); output collected. */
export function runCommandLocked(command: string, args: string[], { cwd, env, locked = true }: { cwd?: string; env?: NodeJS.ProcessEnv; locked?: boolean } = {}): Promise<CommandOutcome> {
  const run = () =>
    new Promise<CommandOutcome>((resolve) => {
      const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', (error) => resolve({ code: null, stdout, stderr: `${stderr}${error.message}` }));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  return locked ? withRealRunLock(run) : run();
}

/** What a test's timeout adds for its runs' turns at THAP_REALRUN_LOCK (none without it, as in CI). */
export const lockWaitMs = process.env.THAP_REALRUN_LOCK ? 1_500_000 : 0;
