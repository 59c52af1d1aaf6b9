import { Faker, base, en, en_IN } from '@faker-js/faker';

/**
 * Records are drawn in blocks of this many; each block has its own faker seed, so record `i` depends only on
 * (seed, stream, i) and a generator can start at any index by skipping at most one block's worth of draws.
 * Seeding faker costs ~40 us here, so a seed per record would dominate the draw time.
 */
export const blockSize = 1024;

/** A faker instance (en_IN, then en, then base definitions) for seeded randomness. */
export function createFaker(): Faker {
  return new Faker({ locale: [en_IN, en, base] });
}

/**
 * Re-seeds `faker` for one block of one stream. `stream` keeps independent sequences apart (patients,
 * samples, arrivals) under the same user seed.
 */
export function seedBlock({ faker, seed, stream, block }: { faker: Faker; seed: number; stream: number; block: number }): void {
  faker.seed([seed >>> 0, Math.floor(seed / 2 ** 32) >>> 0, stream, block]);
}
