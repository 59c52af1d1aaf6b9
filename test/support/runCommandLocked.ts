import { spawn } from 'node:child_process';

export interface CommandOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to its end, holding the lock file THAP_REALRUN_LOCK for exactly its duration when that is set
 * (`flock`: a machine where several suites take turns with real runs); output collected.
 */
export function runCommandLocked(command: string, args: string[], { cwd, env }: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CommandOutcome> {
  const lock = process.env.THAP_REALRUN_LOCK;
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
