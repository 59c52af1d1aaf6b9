import { spawn } from 'node:child_process';

export interface CommandOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to its end, holding the lock file THAP_REALRUN_LOCK for exactly its duration when that is set
 * and `locked` (`flock`: a machine where several suites take turns with real runs); output collected.
 */
export function runCommandLocked(command: string, args: string[], { cwd, env, locked = true }: { cwd?: string; env?: NodeJS.ProcessEnv; locked?: boolean } = {}): Promise<CommandOutcome> {
  const lock = locked ? process.env.THAP_REALRUN_LOCK : undefined;
  const [program, ...rest] = lock ? ['flock', lock, command, ...args] : [command, ...args];
  return new Promise((resolve) => {
    const child = spawn(program as string, rest, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ code: null, stdout, stderr: `${stderr}${error.message}` }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** What a test's timeout adds for its runs' turns at THAP_REALRUN_LOCK (none without it, as in CI). */
export const lockWaitMs = process.env.THAP_REALRUN_LOCK ? 1_500_000 : 0;
