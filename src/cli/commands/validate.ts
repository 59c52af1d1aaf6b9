import { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { loadScenario } from '../../scenario/index.ts';
import { defineOptions } from '../options/defineOptions.ts';

/** `thap validate` takes no options; declared here all the same, so that every command parses the one way. */
const validateOptions = defineOptions('validate', {});

/** `thap validate <scenario...>`: checks every file in full and reports every problem of every file. */
export function validateCommand(): Command {
  return validateOptions
    .addTo(new Command('validate').description('check scenario files in full (schema, cross-references, gates) without running anything').argument('<scenario...>', 'scenario files (.yaml, .yml or .ts)'))
    .action(async (files: string[], raw: unknown) => {
      validateOptions.parse(raw);
      const problems: string[] = [];
      for (const file of files) {
        try {
          const { scenario } = await loadScenario(file);
          process.stdout.write(`ok  ${file} (${scenario.name}: ${scenario.faults.length} fault${scenario.faults.length === 1 ? '' : 's'}, ${scenario.gates.length} gate${scenario.gates.length === 1 ? '' : 's'})\n`);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          problems.push(error.message);
        }
      }
      if (problems.length > 0) {
        throw new ValidationError(`${problems.length} of ${files.length} scenario file${files.length === 1 ? '' : 's'} invalid`, []).withDetail(problems.join('\n'));
      }
    });
}
