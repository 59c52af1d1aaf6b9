import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Samples per consignment, from the run's `visits-consignment.json` (src/load/prepareK6.ts): the consignment
 * visit's `batch` of SRF entities, keyed by its correlation id (`<entity>.createConsignment`, the k6 script's
 * X-Correlation-Id). Empty when the file is absent (runs without consignments, k6-operator outputs).
 */
export async function readBatchSizes({ runDir }: { runDir: string }): Promise<Map<string, number>> {
  let text: string;
  try {
    text = await readFile(join(runDir, 'visits-consignment.json'), 'utf8');
  } catch {
    return new Map();
  }
  const visits: unknown = JSON.parse(text);
  const sizes = new Map<string, number>();
  if (!Array.isArray(visits)) return sizes;
  for (const visit of visits as Array<{ entity?: unknown; batch?: unknown }>) {
    if (typeof visit.entity === 'string' && Array.isArray(visit.batch)) sizes.set(`${visit.entity}.createConsignment`, visit.batch.length);
  }
  return sizes;
}
