import type { z } from 'zod';
import { UserError } from '../../core/index.ts';

/** `value` as `schema` reads it, or a UserError naming where it came from (`file:line`) and its first bad field. */
export function parseOrExplain<T>(where: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new UserError(`${where}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}; see docs/run-directory.md`, { code: 'THAP_RUN_DIR' });
}
