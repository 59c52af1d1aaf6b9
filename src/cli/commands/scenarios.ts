import { Command } from 'commander';
import { z } from 'zod';
import { listScenarios } from '../../scenario/index.ts';
import { defineOptions } from '../options/defineOptions.ts';
import { text } from '../options/optionValues.ts';

const listOptions = defineOptions('scenarios list', {
  dir: { flags: '--dir <dir>', description: 'folder of scenarios', schema: text('a folder of scenario files').default('scenarios') },
  json: { flags: '--json', description: 'machine-readable output', schema: z.boolean().default(false) },
});

/** `thap scenarios list [--dir DIR] [--json]`: the shipped scenarios, a line each. */
export function scenariosCommand(): Command {
  const command = new Command('scenarios').description('the scenarios shipped with thap');
  const list = listOptions
    .addTo(new Command('list').description('list scenarios with their title, wall time at default speed and the incident they are based on'))
    .action(async (raw: unknown) => {
      const options = listOptions.parse(raw);
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
  return command.addCommand(list);
}
