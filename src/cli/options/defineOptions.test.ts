import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UserError } from '../../core/index.ts';
import { runCliInProcess } from '../../../test/support/runCliInProcess.ts';
import { commands } from '../commands/index.ts';
import { defineOptions } from './defineOptions.ts';
import { decimal, oneOf, text, wholeNumber } from './optionValues.ts';

const sample = defineOptions(
  'sample',
  {
    out: { flags: '--out <dir>', description: 'where to write', schema: text('a directory').default('reports') },
    seed: { flags: '--seed <n>', description: 'the seed', schema: wholeNumber().optional() },
    speed: { flags: '--speed <x>', description: 'the speed', schema: decimal({ min: 0, above: true }).default(60) },
    stack: { flags: '--stack <kind>', description: 'the stack', schema: oneOf(['local', 'docker']).default('local') },
    allowHost: { flags: '--allow-host <host>', description: 'a host', schema: z.array(text('a host')).default([]), repeatable: true },
    pdf: { flags: '--no-pdf', description: 'skip the PDF', schema: z.boolean().default(true) },
    baseline: { flags: '--baseline <file>', description: 'a report', schema: text('a report').optional() },
    maxRegression: { flags: '--max-regression <n>', description: 'points', schema: decimal({ min: 0 }).optional() },
  },
  (options) => (options.maxRegression !== undefined && !options.baseline ? [{ option: 'maxRegression', message: 'goes with --baseline' }] : []),
);

async function parsed(args: string[]) {
  const command = sample.addTo(new Command('sample').exitOverride());
  let raw: unknown;
  command.action((options: unknown) => {
    raw = options;
  });
  await command.parseAsync(args, { from: 'user' });
  return sample.parse(raw);
}

describe('defineOptions', () => {
  it('gives commander each option once, with the schema default shown in the help', () => {
    const help = sample.addTo(new Command('sample')).helpInformation();
    expect(help).toContain('--out <dir>');
    expect(help).toContain('where to write (default: reports)');
    expect(help).toContain('the speed (default: 60)');
    expect(help).not.toContain('skip the PDF (default');
  });

  it('parses values into their types, with defaults, repeated options collected', async () => {
    expect(await parsed(['--seed', '7', '--speed', '0.5', '--allow-host', 'a.example', '--allow-host', 'b.example', '--no-pdf'])).toEqual({
      out: 'reports', seed: 7, speed: 0.5, stack: 'local', allowHost: ['a.example', 'b.example'], pdf: false,
    });
  });

  it('reports each mistake on one line naming the option, the value and what is allowed (exit 2)', async () => {
    const error = await parsed(['--seed', '1.5', '--speed', '0', '--stack', 'k8s', '--out', '']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message.split('\nthap: ')).toEqual([
      'sample --out "": is empty; give a directory',
      'sample --seed "1.5": must be a whole number 0 or more',
      'sample --speed "0": must be a number above 0',
      'sample --stack "k8s": must be one of local, docker',
    ]);
  });

  it('reports problems across options the same way', async () => {
    await expect(parsed(['--max-regression', '3'])).rejects.toThrow('sample --max-regression "3": goes with --baseline');
  });

  it('refuses a declaration whose key is not the name commander gives the flag', () => {
    const wrong = defineOptions('wrong', { allowHosts: { flags: '--allow-host <h>', description: 'x', schema: z.string().optional() } });
    expect(() => wrong.addTo(new Command('wrong'))).toThrow(/declared as allowHosts; commander calls it allowHost/);
  });
});

/** Every command and subcommand that takes options, with the arguments it needs. */
function leaves(command: Command, path: string[] = []): Array<{ path: string[]; command: Command }> {
  if (command.commands.length === 0) return [{ path, command }];
  return command.commands.flatMap((child) => leaves(child, [...path, child.name()]));
}

describe('every command parses its options the one way', () => {
  it('an empty value for any option of any command is one line naming it (other missing options a line each), exit 2', async () => {
    let checked = 0;
    for (const [name, load] of Object.entries(commands)) {
      const factory = await load();
      for (const leaf of leaves(factory(), [name])) {
        const positional = leaf.command.registeredArguments.filter((argument) => argument.required).map(() => 'scenarios/demo.yaml');
        for (const option of leaf.command.options.filter((o) => o.required || o.optional)) {
          const result = await runCliInProcess({ command: factory, args: [...leaf.path, ...positional, option.long!, ''] });
          expect(result.code, `${leaf.path.join(' ')} ${option.long}`).toBe(2);
          const where = `${leaf.path.join(' ')} ${option.long}`;
          const lines = result.stderr.trimEnd().split('\n');
          expect(lines.some((line) => line.startsWith(`thap: ${where} "": `)), `${where}: ${result.stderr}`).toBe(true);
          for (const line of lines) expect(line, where).toMatch(new RegExp(`^thap: ${leaf.path.join(' ')} --[a-z0-9-]+( "")?: `));
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});
