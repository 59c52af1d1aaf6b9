import type { z } from 'zod';
import { UserError } from '../errors.ts';

/** Parses a command's options with its schema; every bad option is reported at once with the fix. */
export function parseOptions<Schema extends z.ZodType>(schema: Schema, raw: unknown, command: string): z.output<Schema> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const flag = `--${String(issue.path[0] ?? '').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    return `  - ${flag}: ${issue.message}`;
  });
  throw new UserError(`${command}: invalid option${lines.length === 1 ? '' : 's'}\n${lines.join('\n')}`);
}
