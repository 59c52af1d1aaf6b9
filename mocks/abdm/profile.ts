import { normaliseAbha } from '../shared/fields.ts';
import { hasAbhaAccount } from './abhaAccount.ts';

export interface AbhaProfile {
  abhaNumber: string;
  abhaAddress: string;
  name: string;
  gender: 'M' | 'F';
  yearOfBirth: number;
  mobile: string;
}

const NAMES = ['Ram Prakash Yadav', 'Sunita Devi', 'Mohd Imran Ansari', 'Pooja Srivastava', 'Rajesh Kumar Maurya', 'Anita Tiwari'];

/**
 * The synthetic ABHA profile behind an ABHA number (identities.md: 14 digits, `@sbx` addresses), or undefined
 * for a number without an account (`hasAbhaAccount`).
 */
export function profileFor(abhaNumber: string): AbhaProfile | undefined {
  if (!hasAbhaAccount(abhaNumber)) return undefined;
  const digits = normaliseAbha(abhaNumber);
  const n = Number(digits.slice(-6));
  const name = NAMES[n % NAMES.length]!;
  return {
    abhaNumber: `${digits.slice(0, 2)}-${digits.slice(2, 6)}-${digits.slice(6, 10)}-${digits.slice(10)}`,
    abhaAddress: `${name.split(' ')[0]!.toLowerCase()}${digits.slice(-4)}@sbx`,
    name,
    gender: n % 2 === 0 ? 'M' : 'F',
    yearOfBirth: 1950 + (n % 60),
    mobile: `9${digits.slice(-9)}`,
  };
}
