/**
 * A compact key for a NIC id a client claimed: FNV-1a over its characters, cut to 31 bits so that V8 keeps it
 * as a small integer inside the Map entry (no string per claim: a day of sample traffic has millions).
 * Two different ids share a key with probability 2^-31, so a false claim goes unseen about once in two
 * billion; documented in docs/scoring.md "Integrity".
 *
 * k6 records a claimed id URI-encoded and cut to 128 characters (src/load/k6/readAnswer.ts); `claimKeyOfLedgerId`
 * treats a ledger id the same way, so that the two compare as equal exactly when the ids are.
 */
export function claimKey(encodedId: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < encodedId.length; index += 1) {
    hash ^= encodedId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 1;
}

/** The key of the id NIC's ledger recorded for a write, encoded as k6 encodes a claim. */
export function claimKeyOfLedgerId(id: string): number {
  return claimKey(encodeURIComponent(id).slice(0, 128));
}
