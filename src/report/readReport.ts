import { readFile } from 'node:fs/promises';
import { UserError } from '../core/index.ts';
import { reportSchema, type Report } from '../scoring/index.ts';

/** Reads and validates a report.json; a wrong file names itself, the field and the fix. */
export async function readReport({ file }: { file: string }): Promise<Report> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UserError(`${file}: cannot read a report (${(error as Error).message}); give a report.json that thap wrote`, { code: 'THAP_REPORT', cause: error });
  }
  const parsed = reportSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new UserError(`${file}: not a report.json of schema version 1 (${first}); rescore the run with \`thap report <run-dir>\``, { code: 'THAP_REPORT' });
  }
  return parsed.data;
}
