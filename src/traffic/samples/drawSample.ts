import type { Faker } from '@faker-js/faker';
import { enInDefinitions } from '../random/blockFaker.ts';
import { upDistricts } from '../tables/upDistricts.ts';
import { muslimFemaleNames, muslimMaleNames, muslimNameShare, upHinduSurnames, upMuslimSurnames, fakerSurnameShare } from '../tables/upNames.ts';
import { sampleTests } from '../journeys/labTests.ts';
import { weightedPicker } from '../random/weightedPicker.ts';
import type { SampleRecord } from './sampleRecord.ts';

const maleNames: readonly string[] = enInDefinitions.person?.first_name?.male ?? [];
const femaleNames: readonly string[] = enInDefinitions.person?.first_name?.female ?? [];
const fakerSurnames: readonly string[] = (enInDefinitions.person?.last_name as { generic?: string[] } | undefined)?.generic ?? [];
const pickTest = weightedPicker({ items: sampleTests, weight: (t) => t.weight });

/** Sampled people: 46% women, 0.2% other (assumption, as for patients); ages 1-90 (assumption). */
const femaleShare = 0.46;
const otherShare = 0.002;

/**
 * Draws the person and test of one sample into `record` (the fields that do not depend on time). Writes in
 * place rather than returning a new object: this runs millions of times. Draw order is part of the output.
 */
export function drawSample(faker: Faker, record: SampleRecord): void {
  const g = faker.number.float();
  const gender = g < otherShare ? 'other' : g < otherShare + femaleShare ? 'female' : 'male';
  const female = gender === 'female';
  const muslim = faker.number.float() < muslimNameShare;
  let first: string;
  let surname: string;
  if (muslim) {
    const firsts = female ? muslimFemaleNames : muslimMaleNames;
    first = firsts[faker.number.int(firsts.length - 1)] as string;
    surname = upMuslimSurnames[faker.number.int(upMuslimSurnames.length - 1)] as string;
  } else {
    const firsts = female ? femaleNames : maleNames;
    first = firsts[faker.number.int(firsts.length - 1)] as string;
    const surnames = faker.number.float() < fakerSurnameShare ? fakerSurnames : upHinduSurnames;
    surname = surnames[faker.number.int(surnames.length - 1)] as string;
  }
  const district = upDistricts[faker.number.int(upDistricts.length - 1)] as (typeof upDistricts)[number];
  const test = pickTest(faker.number.float());
  record.name = `${first} ${surname}`;
  record.gender = gender;
  record.age = faker.number.int({ min: 1, max: 90 });
  record.mobile = `+91${faker.number.int({ min: 6_000_000_000, max: 9_999_999_999 })}`; // [50]
  record.district = district.name;
  record.pin = String(faker.number.int({ min: district.pinMin, max: district.pinMax })); // [49]
  record.testType = test.name;
  record.specimen = test.specimen;
}
