import { Command } from 'commander';
import { listScenarios } from '../../scenario/listScenarios.ts';

/** `thap scenarios list [--dir DIR] [--json]`: the shipped scenarios, a line each. */
export function scenariosCommand(): Command {
  const command = new Command('scenarios').description('the scenarios shipped with thap');
  command
    .command('list')
    .description('list scenarios with their title, wall time at default speed and the incident they are based on')
    .option('--dir <dir>', 'folder of scenarios', 'scenarios')
    .option('--json', 'machine-readable output')
    .action(async (options: { dir: string; json?: boolean }) => {
      const scenarios = await listScenarios({ dir: options.dir });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(scenarios, null, 2)}\n`);
        return;
      }
      const width = Math.max(...scenarios.map((scenario) => scenario.file.length));
      for (const scenario of scenarios) {
        process.stdout.write(`${scenario.file.padEnd(width)}  ${scenario.wall.padStart(6)}  ${scenario.title}\n`);
        if (scenario.basedOn[0]) process.stdout.write(`${''.padEnd(width)}          based on: ${scenario.basedOn[0]}\n`);
      }
    });
  return command;
}
