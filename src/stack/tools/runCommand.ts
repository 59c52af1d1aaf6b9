import { spawn } from 'node:child_process';

export interface CommandResult {
  /** Exit code; null when the process could not start or was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the process could not be started (ENOENT, EACCES) or timed out. */
  error?: string;
}

/**
 * Runs a command to completion and never throws: a missing binary or a timeout come back in `error`.
 * `onLine` receives stderr and stdout lines as they arrive (for build progress).
 */
export function runCommand({
  command,
  args,
  cwd,
  env,
  timeoutMs = 10_000,
  onLine,
}: {
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  onLine?: (line: string) => void;
}): Promise<CommandResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let settled = false;
    const finish = (result: CommandResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ code: null, stdout, stderr, error: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    const lines = (chunk: string): void => {
      if (!onLine) return;
      for (const line of chunk.split('\n')) if (line.trim()) onLine(line.trimEnd());
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      lines(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      lines(chunk);
    });
    child.on('error', (error) => finish({ code: null, stdout, stderr, error: error.message }));
    child.on('close', (code) => finish({ code, stdout, stderr }));
  });
}
