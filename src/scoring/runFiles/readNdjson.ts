import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { UserError } from '../../errors.ts';

/**
 * Streams an NDJSON file one parsed object at a time (never the whole file in memory). Blank lines are
 * skipped. A line that is not a JSON object throws a UserError naming the file, the line and the text.
 * A missing file yields nothing when `optional`, else throws.
 */
export async function* readNdjson({ file, optional = false }: { file: string; optional?: boolean }): AsyncGenerator<Record<string, unknown>> {
  try {
    await access(file);
  } catch {
    if (optional) return;
    throw new UserError(`${file}: file is missing; the run directory is incomplete (see docs/run-directory.md)`, { code: 'THAP_RUN_DIR' });
  }
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new UserError(`${file}:${lineNumber}: not valid JSON (got ${JSON.stringify(line.slice(0, 80))}); each line must be one JSON object`, { code: 'THAP_RUN_DIR', cause: error });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new UserError(`${file}:${lineNumber}: expected a JSON object (got ${JSON.stringify(line.slice(0, 80))})`, { code: 'THAP_RUN_DIR' });
    }
    yield value as Record<string, unknown>;
  }
}
