import { Command, CommanderError } from 'commander';
import { commands } from './commands/index.ts';
import { handleError } from './handleError.ts';
import { thapVersion } from '../core/index.ts';
import { sweepOnStart } from '../run/liveRuns/index.ts';
import { LIFELINE_FD_ENV, watchLifeline } from '../stack/lifeline/index.ts';

/**
 * Builds the commander program: one `Command` per file in `commands/`, registered in `commands/index.ts`.
 * With `only`, just that command is loaded (the one being run), none for `only: ''` (`--version`); otherwise all
 * of them (help, unknown names).
 */
export async function buildProgram({ only }: { only?: string } = {}): Promise<Command> {
  const program = new Command('thap')
    .description('Load-and-resilience test harness for hospital and lab systems that depend on NIC services')
    .version(thapVersion, '-V, --version')
    .showHelpAfterError('(run `thap --help` for usage)')
    .exitOverride();
  const names = only === '' ? [] : only && only in commands ? [only] : Object.keys(commands);
  for (const name of names) program.addCommand((await (commands[name] as () => Promise<() => Command>)())());
  return program;
}

async function main(): Promise<void> {
  const [first] = process.argv.slice(2);
  const only = first === '--version' || first === '-V' ? '' : first;
  // A thap that another thap started (the mocks) ends with it; any other first undoes what a killed run left
  // (`thap doctor --cleanup` does that itself, and says so).
  if (process.env[LIFELINE_FD_ENV]) watchLifeline();
  else if (only && only !== 'doctor') await sweepOnStart();
  await (await buildProgram({ only })).parseAsync(process.argv);
}

main().catch((error: unknown) => {
  if (error instanceof CommanderError && (error.exitCode === 0 || error.code === 'commander.helpDisplayed')) return;
  process.exitCode = handleError(error);
});
