import type { TrafficPlan } from './trafficPlan.ts';
import type { Visit } from './visit.ts';
import type { PatientRecord } from '../journeys/patientRecord.ts';
import type { SampleRecord } from '../samples/sampleRecord.ts';
import { iteratePatientRecords } from './iteratePatientRecords.ts';
import { iterateSampleRecords } from '../samples/iterateSampleRecords.ts';
import { patientVisits } from './patientVisits.ts';
import { sampleVisits } from './sampleVisits.ts';

/** Every visit of the plan with the record it belongs to, in record order (not time order across series). */
export function* iterateVisits(plan: TrafficPlan): Generator<{ visit: Visit; record: PatientRecord | SampleRecord }> {
  for (const record of iteratePatientRecords(plan)) for (const visit of patientVisits(record)) yield { visit, record };
  const consigned = new Set<string>();
  for (const record of iterateSampleRecords(plan)) {
    const first = !consigned.has(record.consignmentId);
    if (first) consigned.add(record.consignmentId);
    for (const visit of sampleVisits(record, first)) yield { visit, record };
  }
}
