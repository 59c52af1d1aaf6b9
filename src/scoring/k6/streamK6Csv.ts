import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { UserError } from '../../errors.ts';

/** Column positions of the k6 CSV fields scoring reads (TOOLS.md lists every column). */
export interface K6Columns {
  metric: number;
  timestamp: number;
  value: number;
  expected: number;
  status: number;
  name: number;
  extraTags: number;
  metadata: number;
}

const REQUIRED = ['metric_name', 'timestamp', 'metric_value'] as const;

/**
 * Streams k6.csv (`--out csv`, unix_milli timestamps) through csv-parse, calling `onRow` with each raw
 * record; the whole file is never held in memory. The header decides column positions, so extra or
 * reordered columns are fine; a header without metric_name/timestamp/metric_value is an error naming the file.
 * Returns the number of data rows. A missing file yields no rows when `optional`.
 */
export async function streamK6Csv({ file, onRow, optional = false }: { file: string; onRow: (record: string[], columns: K6Columns) => void; optional?: boolean }): Promise<number> {
  try {
    await access(file);
  } catch {
    if (optional) return 0;
    throw new UserError(`${file}: file is missing; k6 wrote no samples (see k6.log in the same directory)`, { code: 'THAP_RUN_DIR' });
  }
  let columns: K6Columns | undefined;
  let rows = 0;
  const parser = parse({ relax_column_count: true, skip_empty_lines: true });
  parser.on('data', (record: string[]) => {
    try {
      if (columns === undefined) {
        columns = readHeader({ file, header: record });
        return;
      }
      rows += 1;
      onRow(record, columns);
    } catch (error) {
      parser.destroy(error as Error);
    }
  });
  try {
    await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), parser);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${file}: not a readable k6 CSV (${(error as Error).message})`, { code: 'THAP_RUN_DIR', cause: error });
  }
  return rows;
}

function readHeader({ file, header }: { file: string; header: string[] }): K6Columns {
  const at = (name: string): number => header.indexOf(name);
  const missing = REQUIRED.filter((name) => at(name) === -1);
  if (missing.length > 0) {
    throw new UserError(`${file}: header lacks ${missing.join(', ')} (got ${header.slice(0, 6).join(',')}...); run k6 with --out csv=FILE`, { code: 'THAP_RUN_DIR' });
  }
  return {
    metric: at('metric_name'),
    timestamp: at('timestamp'),
    value: at('metric_value'),
    expected: at('expected_response'),
    status: at('status'),
    name: at('name'),
    extraTags: at('extra_tags'),
    metadata: at('metadata'),
  };
}
