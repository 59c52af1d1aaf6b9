import { readNdjson } from '../runFiles/readNdjson.ts';
import { entityKeyOf } from './entityKey.ts';
import { entityKeyHash } from './entityKeyHash.ts';

const SAMPLE = 20;

export interface Duplicates {
  /** Business entities with more than one stored line. */
  duplicated: number;
  /** Their stored lines beyond the first. */
  extraRecords: number;
  /** The first 20 of their keys, in the order each first appears in the ledger. */
  duplicatedSample: string[];
}

/**
 * Counts the business entities the ledger stored more than once (entityKeyOf), exactly, without a string per
 * ledger line (a long run has hundreds of thousands): `add` keeps only a 53-bit hash of each line's key, in a
 * typed array. `count` sorts the hashes; only if some hash came twice does it read the ledger again, counting
 * the real keys of just those hashes, so two entities whose keys collide are never taken for one stored twice.
 * `hash` is replaceable so that tests can force collisions. Count once: `count` consumes the hashes.
 */
export class DuplicateEntities {
  private hashes = new Float64Array(4096);
  private size = 0;

  constructor(private readonly hash: (key: string) => number = entityKeyHash) {}

  add(line: Record<string, unknown>): void {
    const key = entityKeyOf(line);
    if (key === undefined) return;
    if (this.size === this.hashes.length) {
      const grown = new Float64Array(Math.max(4096, this.hashes.length * 2));
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[this.size] = this.hash(key);
    this.size += 1;
  }

  /** `ledger`: the file the lines came from, read again only when some hash repeats. */
  async count({ ledger }: { ledger: string }): Promise<Duplicates> {
    const repeated = this.repeatedHashes();
    const counts = new Map<string, number>();
    if (repeated.size > 0) {
      await readNdjson({
        file: ledger,
        onObject: (line) => {
          const key = entityKeyOf(line);
          if (key !== undefined && repeated.has(this.hash(key))) counts.set(key, (counts.get(key) ?? 0) + 1);
        },
      });
    }
    const duplicates: Duplicates = { duplicated: 0, extraRecords: 0, duplicatedSample: [] };
    for (const [key, count] of counts) {
      if (count < 2) continue;
      duplicates.duplicated += 1;
      duplicates.extraRecords += count - 1;
      if (duplicates.duplicatedSample.length < SAMPLE) duplicates.duplicatedSample.push(key);
    }
    return duplicates;
  }

  private repeatedHashes(): Set<number> {
    const sorted = this.hashes.subarray(0, this.size).sort();
    this.hashes = new Float64Array(0);
    this.size = 0;
    const repeated = new Set<number>();
    for (let index = 1; index < sorted.length; index += 1) if (sorted[index] === sorted[index - 1]) repeated.add(sorted[index] as number);
    return repeated;
  }
}
