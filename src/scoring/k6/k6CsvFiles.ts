import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** `k6.csv`, or `k6-<i>.csv` per k6 process or runner (execution segments, merged runs). */
const K6_CSV = /^k6(-[A-Za-z0-9_.-]+)?\.csv$/;

/**
 * The k6 sample files of a run directory, read together as one stream of samples: `k6.csv` (one process)
 * and every `k6-<i>.csv` (one per execution segment or runner), in a stable order (numbers numerically).
 * A directory with none yields `k6.csv`, so that the reader names the missing file.
 */
export async function k6CsvFiles({ runDir }: { runDir: string }): Promise<string[]> {
  const names = (await readdir(runDir).catch(() => [] as string[])).filter((name) => K6_CSV.test(name));
  names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return names.length > 0 ? names.map((name) => join(runDir, name)) : [join(runDir, 'k6.csv')];
}
