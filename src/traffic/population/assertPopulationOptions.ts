import { UserError } from '../../core/index.ts';
import type { PopulationOptions } from './generatePatients.ts';

/** Rejects counts, indexes, seeds and dates a population cannot be made from, naming the field and the fix. */
export function assertPopulationOptions(options: PopulationOptions): Required<PopulationOptions> {
  const { seed, count, startIndex = 0, referenceDate = '2026-02-02' } = options;
  const problems: string[] = [];
  if (!Number.isSafeInteger(seed)) problems.push(`seed must be a whole number (got ${seed})`);
  if (!Number.isSafeInteger(count) || count < 0) problems.push(`count must be a whole number >= 0 (got ${count})`);
  if (!Number.isSafeInteger(startIndex) || startIndex < 0 || startIndex >= 1e10) {
    problems.push(`startIndex must be a whole number from 0 to 9,999,999,999 (got ${startIndex})`);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate) || Number.isNaN(Date.parse(`${referenceDate}T00:00:00Z`))) {
    problems.push(`referenceDate must be YYYY-MM-DD (got ${JSON.stringify(referenceDate)})`);
  }
  if (problems.length > 0) throw new UserError(`cannot generate patients: ${problems.join('; ')}`);
  return { seed, count, startIndex, referenceDate };
}
