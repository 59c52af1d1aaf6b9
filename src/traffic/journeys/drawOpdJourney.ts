import type { Faker } from '@faker-js/faker';
import type { Patient } from '../population/patient.ts';
import type { JourneyFields as Journey } from './patientRecord.ts';
import { journeyShares, thinkTimes } from './thinkTimes.ts';
import { opdLabTests } from './labTests.ts';
import { weightedPicker } from '../random/weightedPicker.ts';
import { abhaShare } from '../population/drawPatient.ts';

const pickTest = weightedPicker({ items: opdLabTests, weight: (t) => t.weight });
const msPerHour = 3_600_000;
const msPerDay = 24 * msPerHour;

function between(faker: Faker, [lo, hi]: readonly [number, number]): number {
  return faker.number.int({ min: lo, max: hi });
}

/** Draws one patient's steps after arriving at `arrivalSimMs`. Draw order is part of the output contract. */
export function drawOpdJourney({ faker, patient, arrivalSimMs, kind }: { faker: Faker; patient: Patient; arrivalSimMs: number; kind: 'opd' | 'back-entry' }): Journey {
  if (kind === 'back-entry') {
    return {
      journey: 'back-entry', channel: 'manual-slip', arrivalSimMs, lookups: 0, registerSimMs: arrivalSimMs,
      feeSimMs: arrivalSimMs + between(faker, thinkTimes.backEntryToFeeReconcileMs),
      tokenSimMs: null, labOrderSimMs: null, barcodeSimMs: null, collectionSimMs: null, reportSimMs: null, tests: '',
    };
  }
  const lookups = between(faker, journeyShares.lookups);
  let t = arrivalSimMs;
  for (let i = 1; i < lookups; i += 1) t += between(faker, thinkTimes.lookupGapMs);
  const registerSimMs = t + between(faker, thinkTimes.lookupToRegisterMs);
  const feeSimMs = registerSimMs + between(faker, thinkTimes.registerToFeeMs);
  const tokenSimMs = feeSimMs + between(faker, thinkTimes.feeToTokenMs);
  const u = faker.number.float();
  const scanShare = patient.abhaNumber !== undefined && u < journeyShares.abhaScanShare / abhaShare;
  const channel = scanShare ? 'abha-scan-share' : faker.number.float() < journeyShares.orsPrebooked ? 'ors-prebooked' : 'counter';
  const journey: Journey = {
    journey: 'opd', channel, arrivalSimMs, lookups, registerSimMs, feeSimMs, tokenSimMs,
    labOrderSimMs: null, barcodeSimMs: null, collectionSimMs: null, reportSimMs: null, tests: '',
  };
  if (faker.number.float() >= journeyShares.testsOrdered) return journey;
  const count = between(faker, [1, 3]);
  const tests = new Set<string>();
  for (let i = 0; i < count; i += 1) tests.add(pickTest(faker.number.float()).name);
  journey.tests = [...tests].join('|');
  journey.labOrderSimMs = registerSimMs + between(faker, thinkTimes.registerToLabOrderMs);
  journey.barcodeSimMs = journey.labOrderSimMs + between(faker, thinkTimes.labOrderToBarcodeMs);
  journey.collectionSimMs = Math.max(registerSimMs + between(faker, thinkTimes.registerToCollectionMs), journey.barcodeSimMs + 60_000);
  if (faker.number.float() < journeyShares.reportNextDay) {
    const nextDay = (Math.floor(journey.collectionSimMs / msPerDay) + 1) * msPerDay;
    const [from, to] = thinkTimes.nextDayReportHours;
    journey.reportSimMs = nextDay + between(faker, [from * msPerHour, to * msPerHour]);
  } else {
    journey.reportSimMs = journey.collectionSimMs + between(faker, thinkTimes.collectionToSameDayReportMs);
  }
  return journey;
}
