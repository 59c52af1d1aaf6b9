import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import type { OutputFormat } from './formats.ts';

export interface WriteRecordsOptions<T extends object> {
  records: Iterable<T>;
  format: OutputFormat;
  out: Writable;
  /** CSV column order (every field a record may have; missing ones are written empty). */
  columns: readonly string[];
  /** NDJSON/JSON text of one record; must equal `JSON.stringify(record)` (default). */
  toJson?: (record: T) => string;
  /** Called about every `progressEvery` records with the count so far. */
  onProgress?: (written: number) => void;
  progressEvery?: number;
}

/**
 * Records per write: big enough that a write's overhead is small, small enough that each chunk's strings die
 * young (2,048 gave 156 MB peak RSS for a million samples, 256 gave 131 MB and ran ~10% faster).
 */
export const chunkRecords = 256;

/**
 * Streams records to `out` as NDJSON (one object a line), one JSON array, or CSV with a header (csv-stringify),
 * in chunks, honouring back-pressure; never holds more than one chunk. Resolves with the number written.
 */
export async function writeRecords<T extends object>(options: WriteRecordsOptions<T>): Promise<number> {
  const { records, format, out, columns, onProgress, progressEvery = 50_000, toJson = (r: T) => JSON.stringify(r) } = options;
  let written = 0;
  let chunk: T[] = [];
  let nextProgress = progressEvery;
  const emit = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    let text: string;
    if (format === 'csv') {
      text = stringify(chunk as unknown as Record<string, unknown>[], { header: written === 0, columns: [...columns], cast: { boolean: String } });
    } else if (format === 'json') {
      text = (written === 0 ? '[\n' : ',\n') + chunk.map(toJson).join(',\n');
    } else {
      let lines = '';
      for (const record of chunk) lines += `${toJson(record)}\n`;
      text = lines;
    }
    written += chunk.length;
    chunk = [];
    await emit(text);
    if (onProgress && written >= nextProgress) {
      onProgress(written);
      nextProgress = written + progressEvery;
    }
  };
  for (const record of records) {
    chunk.push(record);
    if (chunk.length >= chunkRecords) await flush();
  }
  if (format === 'csv' && written === 0 && chunk.length === 0) await emit(stringify([], { header: true, columns: [...columns] }));
  await flush();
  if (format === 'json') await emit(written === 0 ? '[]\n' : '\n]\n');
  onProgress?.(written);
  return written;
}
