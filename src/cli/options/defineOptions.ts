import { Option, type Command } from 'commander';
import { z } from 'zod';
import { UserError } from '../../core/index.ts';

/** One option of a command, declared once: commander's flags and help from it, parsing by its schema. */
export interface OptionSpec {
  /** commander flags: `--out <dir>`, `--json`, `--no-pdf`, `--gate <expr...>`. */
  flags: string;
  description: string;
  /** Parses what commander hands over (a string, a list, true, undefined); its default is the option's default. */
  schema: z.ZodType;
  /** The option may be given several times; its values are collected in order. */
  repeatable?: boolean;
  /** An environment variable that gives the option's value when the command line does not. */
  env?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;
export type ParsedOptions<S extends OptionSpecs> = { [K in keyof S]: z.output<S[K]['schema']> };

/** A problem found across options (e.g. one option needs another), reported like a bad value. */
export interface OptionProblem<S extends OptionSpecs> {
  option: keyof S & string;
  message: string;
}

export interface CommandOptions<S extends OptionSpecs> {
  /** Registers every option on the commander command, with its default shown in the help. */
  addTo(command: Command): Command;
  /** Parses commander's option values; every mistake is a line naming the option, the value and the fix (exit 2). */
  parse(raw: unknown): ParsedOptions<S>;
}

/**
 * The one way a command declares and parses its options (issue 15): each option once, with its schema,
 * default and description; commander is told from it, the action parses with it.
 */
export function defineOptions<S extends OptionSpecs>(
  command: string,
  specs: S,
  check?: (options: ParsedOptions<S>) => Array<OptionProblem<S>>,
): CommandOptions<S> {
  const schema = z.strictObject(Object.fromEntries(Object.entries(specs).map(([key, spec]) => [key, spec.schema])));
  const flagOf = (key: string) => specs[key]?.flags.split(/[ ,]/)[0]?.replace(/^--no-/, '--') ?? `--${key}`;
  return {
    addTo(target) {
      for (const [key, spec] of Object.entries(specs)) {
        const option = new Option(spec.flags, `${spec.description}${defaultNote(spec)}`);
        if (option.attributeName() !== key) throw new Error(`option ${spec.flags} is declared as ${key}; commander calls it ${option.attributeName()}`);
        if (spec.env) option.env(spec.env);
        if (spec.repeatable) option.argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
        target.addOption(option);
      }
      return target;
    },
    parse(raw) {
      const values = (raw ?? {}) as Record<string, unknown>;
      const result = schema.safeParse(values);
      const problems = result.success
        ? (check?.(result.data as ParsedOptions<S>) ?? [])
        : result.error.issues.map((issue) => ({ option: String(issue.path[0] ?? ''), message: issue.message, given: valueAt(values, issue.path) }));
      if (problems.length === 0) return result.data as ParsedOptions<S>;
      const lines = problems.map((problem) => {
        const { option, message } = problem;
        const given = 'given' in problem ? problem.given : values[option];
        const shown = given === undefined ? '' : ` ${JSON.stringify(given)}`;
        return `${command} ${flagOf(option)}${shown}: ${given === undefined && /received undefined/.test(message) ? `is required (${specs[option]?.description})` : message}`;
      });
      throw new UserError(lines.join('\nthap: '), { code: 'THAP_INVALID_OPTION' });
    },
  };
}

/** ` (default: X)` for an option whose schema has a default worth showing. */
function defaultNote(spec: OptionSpec): string {
  if (/\(default/.test(spec.description)) return '';
  const parsed = spec.schema.safeParse(undefined);
  if (!parsed.success || parsed.data === undefined || parsed.data === false || parsed.data === true) return '';
  if (Array.isArray(parsed.data) && parsed.data.length === 0) return '';
  return ` (default: ${Array.isArray(parsed.data) ? parsed.data.join(' ') : String(parsed.data)})`;
}

/** The value at an issue's path: the bad item of a list, not the whole list. */
function valueAt(values: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let value: unknown = values;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value;
}
