import type { Faker } from '@faker-js/faker';
import { enInDefinitions } from '../random/blockFaker.ts';
import type { Patient } from './patient.ts';
import { departments, newVisitShare, type Department } from '../tables/departments.ts';
import { upDistricts } from '../tables/upDistricts.ts';
import {
  fakerSurnameShare,
  muslimFemaleNames,
  muslimMaleNames,
  muslimNameShare,
  upHinduSurnames,
  upMuslimSurnames,
} from '../tables/upNames.ts';
import { weightedPicker } from '../random/weightedPicker.ts';
import { hasAbhaAccount } from '../../../mocks/abdm/abhaAccount.ts';
import { formatAbhaNumber, opaqueNumber } from './identifiers.ts';

const maleNames: readonly string[] = enInDefinitions.person?.first_name?.male ?? [];
const femaleNames: readonly string[] = enInDefinitions.person?.first_name?.female ?? [];
const fakerSurnames: readonly string[] = (enInDefinitions.person?.last_name as { generic?: string[] } | undefined)?.generic ?? [];

const pickDepartment = weightedPicker<Department>({ items: departments, weight: (d) => d.percent });

/** Share of patients with an ABHA number: an assumption (ABHA Scan and Share is ~10% of arrivals, traffic.md T1). */
export const abhaShare = 0.45;
/** Share of women among non-gynaecology patients (assumption); `other` is 0.2%. */
const femaleShare = 0.46;
const otherGenderShare = 0.002;
const msPerDay = 86_400_000;

function pick(faker: Faker, list: readonly string[]): string {
  return list[faker.number.int(list.length - 1)] as string;
}

/** Draws one patient. `index` is its position in the population; `referenceDay` is epoch ms of the day ages are counted on. */
export function drawPatient({ faker, index, seed, referenceDay }: { faker: Faker; index: number; seed: number; referenceDay: number }): Patient {
  // Draw order is part of the output contract: changing it changes every patient for a seed (see the hash test).
  const department = pickDepartment(faker.number.float());
  const r = faker.number.float();
  const gender: Patient['gender'] =
    department.onlyGender ?? (r < otherGenderShare ? 'other' : r < otherGenderShare + femaleShare ? 'female' : 'male');
  const age = faker.number.int({ min: department.ageMin, max: department.ageMax });
  const dayOfYear = faker.number.int(363);
  // Born 1-365 days before the age-th birthday that falls on the reference day, so the age is exact.
  const anniversary = new Date(referenceDay);
  anniversary.setUTCFullYear(anniversary.getUTCFullYear() - age);
  const dob = new Date(anniversary.getTime() - (dayOfYear + 1) * msPerDay).toISOString().slice(0, 10);

  const muslim = faker.number.float() < muslimNameShare;
  const surname = muslim
    ? pick(faker, upMuslimSurnames)
    : faker.number.float() < fakerSurnameShare
      ? pick(faker, fakerSurnames)
      : pick(faker, upHinduSurnames);
  const female = gender === 'female';
  const first = pick(faker, muslim ? (female ? muslimFemaleNames : muslimMaleNames) : female ? femaleNames : maleNames);
  const guardianMale = pick(faker, muslim ? muslimMaleNames : maleNames);
  const married = female && age >= 22 && faker.number.float() < 0.8;
  const motherNamed = !married && age < 18 && faker.number.float() < 0.15;
  const guardianRelation: Patient['guardianRelation'] = married ? 'husband' : motherNamed ? 'mother' : 'father';
  const guardianFirst = motherNamed ? pick(faker, muslim ? muslimFemaleNames : femaleNames) : guardianMale;

  const district = upDistricts[faker.number.int(upDistricts.length - 1)] as (typeof upDistricts)[number];
  const pin = faker.number.int({ min: district.pinMin, max: district.pinMax });
  const mobile = faker.number.int({ min: 6_000_000_000, max: 9_999_999_999 }); // [50]
  const visitType: Patient['visitType'] = faker.number.float() < newVisitShare ? 'new' : 'followup';

  const patient: Patient = {
    id: `pt-${String(index + 1).padStart(6, '0')}`,
    name: `${first} ${surname}`,
    gender,
    age,
    dob,
    guardianName: `${guardianFirst} ${surname}`,
    guardianRelation,
    mobile: `+91${mobile}`,
    district: district.name,
    division: district.division,
    pin: String(pin),
    department: department.name,
    visitType,
  };
  if (faker.number.float() < abhaShare) {
    const unique = opaqueNumber({ index, seed });
    patient.abhaNumber = abhaNumberWithAccount({ prefix: faker.number.int({ min: 10, max: 99 }), unique });
    patient.abhaAddress = `${first.toLowerCase().replace(/[^a-z]/g, '')}.${unique.toString(36)}@sbx`;
  }
  return patient;
}

/**
 * A patient's ABHA number is one ABDM has an account for (the patient made it; hasAbhaAccount), so Scan and
 * Share never names a number ABDM does not know. When the drawn prefix lands on a number without one, its
 * neighbour does not: one up changes the digit sum by +1, or by -8 across a carry (19 -> 20), and 99 goes down
 * to 98 (-1), none of which keeps a multiple of 10. No second draw, so every other draw stays where it was.
 */
function abhaNumberWithAccount(args: { prefix: number; unique: number }): string {
  const drawn = formatAbhaNumber(args.prefix, args.unique);
  if (hasAbhaAccount(drawn)) return drawn;
  return formatAbhaNumber(args.prefix === 99 ? 98 : args.prefix + 1, args.unique);
}
