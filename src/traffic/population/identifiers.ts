/**
 * Unique opaque numbers without a lookup table: an affine permutation of the index modulo 10^12. The
 * multiplier is odd and not a multiple of 5, so it is coprime with 10^12 and distinct indexes below 10^12
 * give distinct numbers; the seed shifts the sequence. `index * multiplier` stays below 2^53 for
 * index < 10^10.
 */
const modulus = 1_000_000_000_000;
const multiplier = 738_457;

export function opaqueNumber({ index, seed }: { index: number; seed: number }): number {
  const offset = Math.abs(Math.trunc(seed * 2_654_435_761)) % modulus;
  return ((index % modulus) * multiplier + offset) % modulus;
}

/** `XX-XXXX-XXXX-XXXX` from a 2-digit prefix (10-99) and a 12-digit unique part [16]. */
export function formatAbhaNumber(prefix: number, unique: number): string {
  const digits = `${prefix}${String(unique).padStart(12, '0')}`;
  return `${digits.slice(0, 2)}-${digits.slice(2, 6)}-${digits.slice(6, 10)}-${digits.slice(10, 14)}`;
}
