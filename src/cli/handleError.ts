import { CommanderError } from 'commander';
import { ExitCode, UserError } from '../core/index.ts';
import { uncaughtWriteError } from '../util/index.ts';

/**
 * The one top-level error handler: a user's mistake or an expected harness failure prints its message
 * without a stack; anything else is a bug in thap and prints its stack. Returns the exit code to set.
 */
export function handleError(error: unknown, write: (text: string) => void = (text) => process.stderr.write(text)): ExitCode {
  if (error instanceof UserError) {
    write(`thap: ${error.message}\n`);
    return error.exitCode;
  }
  const writeError = uncaughtWriteError(error);
  if (writeError) {
    write(`thap: ${writeError.message}\n`);
    return writeError.exitCode;
  }
  if (error instanceof CommanderError) {
    // commander has already printed its message (unknown option, missing argument).
    return ExitCode.InvalidInput;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  write(`thap: internal error (a bug in thap, please report it):\n${stack}\n`);
  return ExitCode.HarnessFailure;
}
