import type { Faker } from '@faker-js/faker';
import { faker as fakerEnIn } from '@faker-js/faker/locale/en_IN';

/**
 * Records are drawn in blocks of this many; each block has its own faker seed, so record `i` depends only on
 * (seed, stream, i) and a generator can start at any index by skipping at most one block's worth of draws.
 */
export const blockSize = 1024;

/**
 * faker's `en_IN` definitions (en_IN, then en, then base). Imported from the locale module rather than the
 * package root: the root loads every locale (~36 MB of RSS), the locale module ~7 MB.
 */
export const enInDefinitions = fakerEnIn.rawDefinitions;

const FakerClass = fakerEnIn.constructor as typeof Faker;

/** A new, independent faker instance with the en_IN definitions, for seeded randomness. */
export function createFaker(): Faker {
  return new FakerClass({ locale: enInDefinitions });
}

/**
 * Re-seeds `faker` for one block of one stream. `stream` keeps independent sequences apart (patients,
 * samples, arrivals) under the same user seed.
 */
export function seedBlock({ faker, seed, stream, block }: { faker: Faker; seed: number; stream: number; block: number }): void {
  faker.seed([seed >>> 0, Math.floor(seed / 2 ** 32) >>> 0, stream, block]);
}
