/** One synthetic OPD patient. Every field is made from a seed; none belongs to a real person (identities.md). */
export interface Patient {
  /** Opaque and unique within a generated population: `pt-000001` (index + 1, at least 6 digits). */
  id: string;
  name: string;
  gender: 'female' | 'male' | 'other';
  /** Whole years on the reference date. */
  age: number;
  /** `YYYY-MM-DD`, consistent with `age` on the reference date. */
  dob: string;
  /** Father's, mother's or husband's name, as registration forms ask for it. */
  guardianName: string;
  guardianRelation: 'father' | 'mother' | 'husband';
  /** `+91` then 10 digits starting 6-9 [50]. */
  mobile: string;
  district: string;
  division: string;
  /** 6 digits in the district's range; always starts 20-28 (UP postal circle [49]). */
  pin: string;
  /** `XX-XXXX-XXXX-XXXX`, opaque (no public checksum [16]); absent when the patient has no ABHA. */
  abhaNumber?: string;
  /** `handle@sbx` (sandbox suffix, identities.md); present whenever `abhaNumber` is. */
  abhaAddress?: string;
  department: string;
  visitType: 'new' | 'followup';
}
