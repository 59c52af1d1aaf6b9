import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuplicateEntities } from './DuplicateEntities.ts';
import { entityKeyHash } from './entityKeyHash.ts';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

type Line = Record<string, unknown>;
const line = (service: string, businessKey: string, extra: Line = {}): Line => ({ service, entity: 'registration', clientRef: `${businessKey}.ref`, businessKey, storedAt: 1_000, ...extra });

/** Adds the lines to a counter as computeIntegrity does while reading the ledger, then counts (reading the ledger file again if it must). */
async function count(lines: Line[], hash?: (key: string) => number) {
  const dir = await mkdtemp(join(tmpdir(), 'thap-duplicates-'));
  dirs.push(dir);
  const ledger = join(dir, 'ledger.ndjson');
  await writeFile(ledger, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  const duplicates = new DuplicateEntities(hash);
  for (const l of lines) duplicates.add(l);
  return duplicates.count({ ledger });
}

describe('DuplicateEntities', () => {
  it('counts entities stored more than once, their extra lines, and samples their keys in first-seen order', async () => {
    const result = await count([
      line('ehospital', 'registration|b'),
      line('ehospital', 'registration|a'),
      line('ehospital', 'registration|c'),
      line('ehospital', 'registration|a'),
      line('ehospital', 'registration|b'),
      line('ehospital', 'registration|a'),
    ]);
    expect(result).toEqual({ duplicated: 2, extraRecords: 3, duplicatedSample: ['ehospital:registration|b', 'ehospital:registration|a'] });
  });

  it('takes one business key under two services as two entities, and skips lines that stored nothing', async () => {
    const result = await count([
      line('ehospital', 'k1'),
      line('lab', 'k1'),
      line('ehospital', 'k2'),
      line('ehospital', 'k2', { stored: false }),
      line('ehospital', 'k3'),
      line('ehospital', 'k3', { storedAt: null }),
      { clientRef: 'r1', storedAt: 1_000 }, // no businessKey, no service: the bare correlation id
      { clientRef: 'r1', storedAt: 2_000 },
      { service: 'ehospital', storedAt: 1_000 }, // no entity at all
      { service: 'ehospital', storedAt: 1_000 },
    ]);
    expect(result).toEqual({ duplicated: 1, extraRecords: 1, duplicatedSample: ['r1'] });
  });

  it('never counts two different keys whose hashes collide as one entity stored twice', async () => {
    const collide = () => 42;
    expect(await count([line('ehospital', 'x'), line('ehospital', 'y'), line('lab', 'x')], collide)).toEqual({ duplicated: 0, extraRecords: 0, duplicatedSample: [] });
    expect(await count([line('ehospital', 'x'), line('ehospital', 'y'), line('ehospital', 'y'), line('lab', 'x')], collide)).toEqual({ duplicated: 1, extraRecords: 1, duplicatedSample: ['ehospital:y'] });
  });

  it('keeps 20 samples however many entities repeat, and counts them all', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => line('ehospital', `k${i}`));
    const result = await count([...lines, ...lines, ...lines]);
    expect(result.duplicated).toBe(25);
    expect(result.extraRecords).toBe(50);
    expect(result.duplicatedSample).toEqual(Array.from({ length: 20 }, (_, i) => `ehospital:k${i}`));
  });

  it('does not read the ledger again when no hash repeats', async () => {
    const duplicates = new DuplicateEntities();
    for (let i = 0; i < 10_000; i += 1) duplicates.add(line('ehospital', `k${i}`));
    // A file that does not exist: reading it would throw.
    expect(await duplicates.count({ ledger: join(tmpdir(), 'thap-no-such-dir', 'ledger.ndjson') })).toEqual({ duplicated: 0, extraRecords: 0, duplicatedSample: [] });
  });
});

describe('entityKeyHash', () => {
  it('is a safe integer of at most 53 bits, the same for one key and different for near keys', () => {
    const keys = Array.from({ length: 1_000 }, (_, i) => `ehospital:registration|20261123T133646Z-reg-${i}`);
    const hashes = keys.map(entityKeyHash);
    for (const hash of hashes) {
      expect(Number.isSafeInteger(hash) && hash >= 0).toBe(true);
    }
    expect(new Set(hashes).size).toBe(keys.length);
    expect(entityKeyHash(keys[0] as string)).toBe(hashes[0]);
    // Both halves vary: neither 32-bit hash is constant.
    expect(new Set(hashes.map((hash) => Math.floor(hash / 2 ** 32))).size).toBeGreaterThan(900);
    expect(new Set(hashes.map((hash) => hash % 2 ** 32)).size).toBeGreaterThan(900);
  });
});
