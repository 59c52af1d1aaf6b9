import { access } from 'node:fs/promises';
import { parse as parseSync } from 'csv-parse/sync';
import { UserError } from '../../core/index.ts';
import { forEachLine } from '../runFiles/forEachLine.ts';

/** Column positions of the k6 CSV fields scoring reads (TOOLS.md lists every column). */
export interface K6Columns {
  metric: number;
  timestamp: number;
  value: number;
  expected: number;
  /** k6's error text (`request timeout`), empty when an answer came. */
  error: number;
  group: number;
  status: number;
  name: number;
  /** k6's scenario: the traffic series a visit belongs to (src/load/buildLoad.ts). */
  scenario: number;
  extraTags: number;
  metadata: number;
}

const REQUIRED = ['metric_name', 'timestamp', 'metric_value'] as const;

/**
 * Streams k6.csv (`--out csv`, unix_milli timestamps; or several such files in turn) line by line, calling `onRow` with the fields of each
 * row whose metric is in `metrics` (all rows when omitted); the whole file is never held in memory. Returns
 * the number of data rows, delivered or not.
 *
 * Speed (bench/entries/scoring.ts): k6 writes about 14 rows per request and scoring needs 2 of them, so a row
 * is first judged by its metric name, and only rows that matter are split. A line without a double quote is
 * split on commas; a line with one (a quoted field, e.g. a URL with a comma) goes through csv-parse, which also
 * reads the header. The header decides column positions, so extra or reordered columns are fine.
 */
export async function streamK6Csv({ file, ...options }: { file: string | readonly string[]; onRow: (record: string[], columns: K6Columns) => void; metrics?: ReadonlySet<string>; optional?: boolean }): Promise<number> {
  // Several files (one per k6 process or runner, see k6CsvFiles) are one stream; each has its own header.
  let rows = 0;
  for (const one of typeof file === 'string' ? [file] : file) rows += await streamOneK6Csv({ file: one, ...options });
  return rows;
}

async function streamOneK6Csv({ file, onRow, metrics, optional = false }: { file: string; onRow: (record: string[], columns: K6Columns) => void; metrics?: ReadonlySet<string>; optional?: boolean }): Promise<number> {
  try {
    await access(file);
  } catch {
    if (optional) return 0;
    throw new UserError(`${file}: file is missing; k6 wrote no samples (see k6.log in the same directory)`, { code: 'THAP_RUN_DIR' });
  }
  let columns: K6Columns | undefined;
  let rows = 0;
  let lineNumber = 0;
  // With metric_name first (as k6 writes it), a row is judged by its prefix without slicing it.
  let prefixes: string[] | undefined;
  const onLine = (text: string, from: number, to: number) => {
    lineNumber += 1;
    if (to === from) return;
    if (columns === undefined) {
      columns = readHeader({ file, header: parseLine({ file, line: text.slice(from, to), lineNumber }) });
      if (metrics && columns.metric === 0) prefixes = [...metrics].map((metric) => `${metric},`);
      return;
    }
    rows += 1;
    if (prefixes !== undefined && text.charCodeAt(from) !== 34 && !prefixes.some((prefix) => text.startsWith(prefix, from))) return;
    const line = text.slice(from, to);
    const record = line.includes('"') ? parseLine({ file, line, lineNumber }) : line.split(',');
    if (metrics && !metrics.has(record[columns.metric] ?? '')) return;
    onRow(record, columns);
  };
  try {
    await forEachLine({ file, onLine });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${file}: cannot read it as a k6 CSV (${(error as Error).message})`, { code: 'THAP_RUN_DIR', cause: error });
  }
  return rows;
}

function parseLine({ file, line, lineNumber }: { file: string; line: string; lineNumber: number }): string[] {
  try {
    return (parseSync(line, { relax_column_count: true }) as string[][])[0] ?? [];
  } catch (error) {
    throw new UserError(`${file}:${lineNumber}: not a CSV row (${(error as Error).message}; got ${JSON.stringify(line.slice(0, 80))})`, { code: 'THAP_RUN_DIR', cause: error });
  }
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
    error: at('error'),
    group: at('group'),
    status: at('status'),
    name: at('name'),
    scenario: at('scenario'),
    extraTags: at('extra_tags'),
    metadata: at('metadata'),
  };
}
