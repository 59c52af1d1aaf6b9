import { weightedPicker } from '../traffic/index.ts';
import type { Load } from './buildLoad.ts';

export interface RegionShare {
  name: string;
  share: number;
}

/**
 * FNV-1a (32 bit) of a text with murmur3's finalizer, as a uniform number in [0, 1): a stable, seeded draw
 * per key. The finalizer matters: plain FNV-1a barely moves its high bits for keys that differ only in their
 * last characters (`cn-000001`, `cn-000002`), and those are the bits a draw in [0, 1) reads.
 */
export function uniformOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}

/**
 * Gives every visit the client region whose hospital sends it (`client.regions`, outages.md O8), drawn by
 * share from the seed: the same seed gives the same split. Visits that belong together go to one region:
 * a patient's visits (same entity), and a consignment with its samples' SRFs and results (one lab
 * batches them). Returns the visits per region.
 */
export function assignRegions({ series, regions, seed }: { series: Load['series']; regions: readonly RegionShare[]; seed: number }): Record<string, number> {
  const pick = weightedPicker({ items: regions, weight: (region) => region.share });
  const regionOf = (key: string) => pick(uniformOf(`${seed}:${key}`)).name;
  // A sample's group is its consignment, so that a consignment visit finds its batch's SRF ids in its region.
  const groupOfSample = new Map<string, string>();
  for (const entry of series.srf ?? []) {
    const consignmentId = (entry.record as { consignmentId?: string } | undefined)?.consignmentId;
    groupOfSample.set(entry.entity, consignmentId ?? entry.entity);
  }
  const counts: Record<string, number> = Object.fromEntries(regions.map((region) => [region.name, 0]));
  for (const entries of Object.values(series)) {
    for (const entry of entries ?? []) {
      entry.region = regionOf(groupOfSample.get(entry.entity) ?? entry.entity);
      counts[entry.region] = (counts[entry.region] ?? 0) + 1;
    }
  }
  return counts;
}
