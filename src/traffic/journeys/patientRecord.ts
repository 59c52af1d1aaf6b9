import type { Patient } from '../population/patient.ts';

/**
 * A patient with the day's journey: the times (simulated ms since 00:00 of the day) of each step, `null`
 * where the step does not happen. Flat so that CSV, JSON and NDJSON carry the same fields.
 */
export interface PatientRecord extends Patient {
  profile: string;
  journey: 'opd' | 'back-entry';
  channel: 'counter' | 'abha-scan-share' | 'ors-prebooked' | 'manual-slip';
  /** First lookup (OPD) or the back-entry (T5). */
  arrivalSimMs: number;
  /** `arrivalSimMs` on the wall clock: ms after the run's start at the plan's speed. */
  arrivalWallMs: number;
  /** Number of lookups, spread evenly from `arrivalSimMs` to `registerSimMs`. */
  lookups: number;
  /** Registration (new), revisit (follow-up) or back-entry (T5). */
  registerSimMs: number;
  /** Fee payment (OPD) or fee reconciliation (T5). */
  feeSimMs: number;
  tokenSimMs: number | null;
  labOrderSimMs: number | null;
  barcodeSimMs: number | null;
  collectionSimMs: number | null;
  reportSimMs: number | null;
  /** Ordered lab tests joined by `|`, empty when none. */
  tests: string;
}

/** The journey part of a record: what `drawOpdJourney` draws. */
export type JourneyFields = Omit<PatientRecord, keyof Patient | 'profile' | 'arrivalWallMs'>;
