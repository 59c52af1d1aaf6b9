import { readFile } from 'node:fs/promises';
import { UserError } from '../../core/index.ts';

/** Reads a small JSON document of the run directory; a missing or broken file names itself and the fix. */
export async function readJsonFile({ file, optional = false }: { file: string; optional?: boolean }): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (optional) return undefined;
    throw new UserError(`${file}: cannot read it (${(error as Error).message}); is this a thap run directory? (see docs/run-directory.md)`, { code: 'THAP_RUN_DIR', cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file}: not valid JSON (${(error as Error).message})`, { code: 'THAP_RUN_DIR', cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`${file}: expected a JSON object`, { code: 'THAP_RUN_DIR' });
  }
  return value as Record<string, unknown>;
}
