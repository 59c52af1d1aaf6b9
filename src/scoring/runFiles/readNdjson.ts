import { access } from 'node:fs/promises';
import { UserError } from '../../core/index.ts';
import { forEachLine } from './forEachLine.ts';

/**
 * Streams an NDJSON file, calling `onObject` with each parsed line (never the whole file in memory). Blank
 * lines are skipped. A line that is not a JSON object throws a UserError naming the file, the line and the
 * text. A missing file yields nothing when `optional`, else throws. Returns whether the file existed.
 */
export async function readNdjson({ file, optional = false, onObject }: { file: string; optional?: boolean; onObject: (value: Record<string, unknown>) => void }): Promise<boolean> {
  try {
    await access(file);
  } catch {
    if (optional) return false;
    throw new UserError(`${file}: file is missing; the run directory is incomplete (see docs/run-directory.md)`, { code: 'THAP_RUN_DIR' });
  }
  let lineNumber = 0;
  await forEachLine({
    file,
    onLine: (text, from, to) => {
      lineNumber += 1;
      const line = text.slice(from, to);
      if (to === from || line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new UserError(`${file}:${lineNumber}: not valid JSON (got ${JSON.stringify(line.slice(0, 80))}); each line must be one JSON object`, { code: 'THAP_RUN_DIR', cause: error });
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new UserError(`${file}:${lineNumber}: expected a JSON object (got ${JSON.stringify(line.slice(0, 80))})`, { code: 'THAP_RUN_DIR' });
      }
      onObject(value as Record<string, unknown>);
    },
  });
  return true;
}
