import type { Patient } from './patient.ts';
import { drawPatient } from './drawPatient.ts';
import { blockSize, createFaker, seedBlock } from '../random/blockFaker.ts';
import { assertPopulationOptions } from './assertPopulationOptions.ts';

/** Stream tag that keeps the patients' random sequence apart from samples' and arrivals'. */
export const patientStream = 1;
/** Ages and dates of birth are counted on this day unless told otherwise: Mon 2 Feb 2026, the ORS day of [44]. */
export const defaultReferenceDate = '2026-02-02';

export interface PopulationOptions {
  seed: number;
  count: number;
  /** Index of the first patient (default 0): patient `i` is the same whatever chunk it is generated in. */
  startIndex?: number;
  /** `YYYY-MM-DD` the ages are counted on (default {@link defaultReferenceDate}). */
  referenceDate?: string;
}

/**
 * Yields `count` patients one at a time, never holding the population in memory. Patient `i` depends only on
 * (seed, i, referenceDate): `iteratePatients({ seed, count: 10, startIndex: 5 })` yields patients 5-14 of
 * `iteratePatients({ seed, count: 20 })`.
 */
export function* iteratePatients(options: PopulationOptions): Generator<Patient> {
  const { seed, count, startIndex = 0, referenceDate = defaultReferenceDate } = assertPopulationOptions(options);
  const referenceDay = Date.parse(`${referenceDate}T00:00:00Z`);
  const faker = createFaker();
  const end = startIndex + count;
  let block = Math.floor(startIndex / blockSize);
  seedBlock({ faker, seed, stream: patientStream, block });
  let index = block * blockSize;
  for (; index < end; index += 1) {
    const inBlock = Math.floor(index / blockSize);
    if (inBlock !== block) {
      block = inBlock;
      seedBlock({ faker, seed, stream: patientStream, block });
    }
    const patient = drawPatient({ faker, index, seed, referenceDay });
    if (index >= startIndex) yield patient;
  }
}

/** The first `count` patients from `startIndex` as an array; use {@link iteratePatients} for large counts. */
export function generatePatients(options: PopulationOptions): Patient[] {
  return Array.from(iteratePatients(options));
}
