import { Command, CommanderError } from 'commander';
import { handleError } from '../../src/cli/handleError.ts';

/**
 * Runs one CLI command in this process as `thap <args>` would, with the real top-level error handler,
 * capturing stdout, stderr and the exit code. Tests of one command use it so that other commands' state in
 * a shared tree cannot break them.
 */
export async function runCliInProcess({ command, args }: { command: () => Command; args: string[] }): Promise<{ code: number; stdout: string; stderr: string }> {
  const program = new Command('thap').exitOverride().addCommand(command());
  program.configureOutput({ writeOut: (text) => out.push(text), writeErr: (text) => err.push(text) });
  const out: string[] = [];
  const err: string[] = [];
  const originalWrite = process.stdout.write.bind(process.stdout);
  const previousExitCode = process.exitCode;
  process.exitCode = undefined;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  let code: number;
  try {
    await program.parseAsync(['node', 'thap', ...args]);
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    code = error instanceof CommanderError && error.exitCode === 0 ? 0 : handleError(error, (text) => err.push(text));
  } finally {
    process.stdout.write = originalWrite;
    process.exitCode = previousExitCode;
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}
