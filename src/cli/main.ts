import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.ts';
import { handleError } from './handleError.ts';
import { thapVersion } from '../version.ts';

/** Builds the commander program: one `Command` per file in `commands/`, registered in `commands/index.ts`. */
export function buildProgram(): Command {
  const program = new Command('thap')
    .description('Load-and-resilience test harness for hospital and lab systems that depend on NIC services')
    .version(thapVersion, '-V, --version')
    .showHelpAfterError('(run `thap --help` for usage)')
    .exitOverride();
  for (const command of commands) program.addCommand(command());
  return program;
}

async function main(): Promise<void> {
  await buildProgram().parseAsync(process.argv);
}

main().catch((error: unknown) => {
  if (error instanceof CommanderError && (error.exitCode === 0 || error.code === 'commander.helpDisplayed')) return;
  process.exitCode = handleError(error);
});
