/**
 * A 53-bit hash of an entity key, an exact integer as a JS number (no string, no heap object in a typed array):
 * two independent 32-bit hashes over its UTF-16 code units, FNV-1a (its top 21 bits) and a multiply-xorshift
 * one (all 32). DuplicateEntities counts keys under it; a collision only makes it look at the real keys again,
 * it never counts as a duplicate.
 */
export function entityKeyHash(key: string): number {
  let fnv = 0x811c9dc5;
  let mix = 0x9747b28c;
  for (let index = 0; index < key.length; index += 1) {
    const code = key.charCodeAt(index);
    fnv = Math.imul(fnv ^ code, 0x01000193);
    mix = Math.imul(mix ^ code, 0x5bd1e995);
    mix ^= mix >>> 15;
  }
  return (fnv >>> 11) * 2 ** 32 + (mix >>> 0);
}
