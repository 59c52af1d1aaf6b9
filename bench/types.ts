/** One measured row: which entry, what was measured (`subject`), its numbers, and an optional note. */
export interface BenchRow {
  entry: string;
  subject: string;
  metrics: Record<string, number>;
  note?: string;
}

/** A bench entry: a module whose default export is this (listed in `bench/entries.ts`). */
export interface BenchEntry {
  name: string;
  description: string;
  run(): Promise<BenchRow[]>;
}
