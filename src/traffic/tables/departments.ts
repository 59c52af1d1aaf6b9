/**
 * OPD departments and their share of visits. Ophthalmology 13.6%, internal medicine 12.5% and paediatrics
 * 6.7% are PGIMER's figures (`traffic.md` Mix, [43]); the rest is an assumption that fills the remaining
 * 67.2% with a general hospital's other OPDs. Percentages sum to 100.
 */
export interface Department {
  name: string;
  percent: number;
  /** Patients' ages in this OPD (inclusive). */
  ageMin: number;
  ageMax: number;
  /** `female` when only women attend (obstetrics and gynaecology). */
  onlyGender?: 'female';
}

export const departments: readonly Department[] = [
  { name: 'ophthalmology', percent: 13.6, ageMin: 3, ageMax: 90 }, // [43]
  { name: 'internal-medicine', percent: 12.5, ageMin: 15, ageMax: 90 }, // [43]
  { name: 'paediatrics', percent: 6.7, ageMin: 0, ageMax: 14 }, // [43]
  { name: 'general-surgery', percent: 10.5, ageMin: 15, ageMax: 85 },
  { name: 'orthopaedics', percent: 10.0, ageMin: 5, ageMax: 90 },
  { name: 'obstetrics-gynaecology', percent: 10.0, ageMin: 18, ageMax: 60, onlyGender: 'female' },
  { name: 'ent', percent: 7.0, ageMin: 2, ageMax: 85 },
  { name: 'dermatology', percent: 7.5, ageMin: 2, ageMax: 85 },
  { name: 'dental', percent: 5.0, ageMin: 4, ageMax: 85 },
  { name: 'psychiatry', percent: 3.5, ageMin: 12, ageMax: 85 },
  { name: 'cardiology', percent: 4.5, ageMin: 18, ageMax: 90 },
  { name: 'neurology', percent: 3.0, ageMin: 10, ageMax: 90 },
  { name: 'pulmonary-medicine', percent: 3.2, ageMin: 15, ageMax: 90 },
  { name: 'urology', percent: 3.0, ageMin: 15, ageMax: 90 },
];

/** Share of new (first) visits; the rest are follow-ups. `traffic.md` T1: 35% new, 65% follow-up. */
export const newVisitShare = 0.35;
