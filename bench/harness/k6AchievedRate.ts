import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse/sync';

export interface AchievedRate {
  /** Requests to the target: `http_req_duration` samples whose `name` tag does not start with `thap-`. */
  requests: number;
  /** Requests to thap's own endpoint (`thap-slip`, `thap-beacon`). */
  harnessRequests: number;
  /** From the first to the last target request's timestamp. */
  spanMs: number;
  perSec: number;
  /** Iterations k6 could not start in time (sum of `dropped_iterations`). */
  dropped: number;
}

/**
 * The rate a k6 run achieved against its target, from its CSV output (`--out csv`, with
 * `K6_CSV_TIME_FORMAT=unix_milli`). Reads the file as a stream: a fast run writes ~1.5 kB per request.
 */
export async function k6AchievedRate(csvFile: string): Promise<AchievedRate> {
  const lines = createInterface({ input: createReadStream(csvFile, 'utf8'), crlfDelay: Infinity });
  let column: Record<string, number> | undefined;
  const result = { requests: 0, harnessRequests: 0, dropped: 0 };
  let first = Infinity;
  let last = -Infinity;
  for await (const line of lines) {
    if (!column) {
      column = Object.fromEntries(line.split(',').map((name, index) => [name, index]));
      for (const name of ['metric_name', 'timestamp', 'metric_value', 'name']) {
        if (column[name] === undefined) throw new Error(`${csvFile}: the header has no ${name} column (is this k6's --out csv?)`);
      }
      continue;
    }
    const isRequest = line.startsWith('http_req_duration,');
    if (!isRequest && !line.startsWith('dropped_iterations,')) continue;
    const fields = splitRow(line);
    if (!isRequest) {
      result.dropped += Number(fields[column.metric_value!]);
      continue;
    }
    if ((fields[column.name!] ?? '').startsWith('thap-')) {
      result.harnessRequests += 1;
      continue;
    }
    result.requests += 1;
    const at = Number(fields[column.timestamp!]);
    if (at < first) first = at;
    if (at > last) last = at;
  }
  if (!column) throw new Error(`${csvFile} is empty: k6 wrote no samples`);
  const spanMs = result.requests > 1 ? last - first : 0;
  return { ...result, spanMs, perSec: spanMs > 0 ? (result.requests * 1_000) / spanMs : 0 };
}

/** One CSV row; the quick split unless a field is quoted (an error message with a comma). */
function splitRow(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  return (parse(line, { relax_column_count: true }) as string[][])[0] ?? [];
}
