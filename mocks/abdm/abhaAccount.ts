import { normaliseAbha } from '../shared/fields.ts';

/**
 * Whether the ABDM mock has an account behind an ABHA number (identities.md: 14 digits, no public checksum): it
 * has none when the number's digits sum to a multiple of 10 (`ABDM-1114`), so about one number in ten typed at
 * a counter is missing. The synthetic traffic draws its patients' ABHA numbers among those with an account.
 */
export function hasAbhaAccount(abhaNumber: string): boolean {
  const sum = [...normaliseAbha(abhaNumber)].reduce((total, digit) => total + Number(digit), 0);
  return sum % 10 !== 0;
}
