import type { TrafficPlan } from './trafficPlan.ts';
import type { PatientRecord } from '../journeys/patientRecord.ts';
import type { ResolvedPart } from '../profiles/resolvePart.ts';
import { orderedArrivals } from '../arrivals/orderedArrivals.ts';
import { drawOpdJourney } from '../journeys/drawOpdJourney.ts';
import { drawPatient } from '../population/drawPatient.ts';
import { patientStream } from '../population/generatePatients.ts';
import { blockSize, createFaker, seedBlock } from '../random/blockFaker.ts';
import { mergeByTime } from './mergeByTime.ts';
import { simToWall } from './clock.ts';
import { toPatientRecord } from '../journeys/toPatientRecord.ts';

/** Random streams (see `seedBlock`): journeys by patient index, arrivals by part. */
export const journeyStream = 2;
export const arrivalStreamBase = 100;

function* partRecords({ plan, part, partIndex }: { plan: TrafficPlan; part: ResolvedPart; partIndex: number }): Generator<PatientRecord> {
  const offset = plan.offsets[partIndex] ?? 0;
  const arrivalFaker = createFaker();
  seedBlock({ faker: arrivalFaker, seed: plan.seed, stream: arrivalStreamBase + partIndex, block: 0 });
  const people = createFaker();
  const journeys = createFaker();
  const referenceDay = Date.parse(`${plan.clock.date}T00:00:00Z`);
  const kind = part.profile.journey === 'back-entry' ? 'back-entry' : 'opd';
  let block = -1;
  let index = offset;
  for (const arrivalSimMs of orderedArrivals({ faker: arrivalFaker, count: part.count, segments: part.segments })) {
    const inBlock = Math.floor(index / blockSize);
    if (inBlock !== block) {
      block = inBlock;
      // A part may start inside a block: draw the block's earlier patients so patient i is always the same.
      seedBlock({ faker: people, seed: plan.seed, stream: patientStream, block });
      seedBlock({ faker: journeys, seed: plan.seed, stream: journeyStream, block });
      for (let skip = block * blockSize; skip < index; skip += 1) drawPatient({ faker: people, index: skip, seed: plan.seed, referenceDay });
    }
    const patient = drawPatient({ faker: people, index, seed: plan.seed, referenceDay });
    const journey = drawOpdJourney({ faker: journeys, patient, arrivalSimMs, kind });
    yield toPatientRecord({ patient, profile: part.profile.name, journey, arrivalWallMs: simToWall(plan.clock, arrivalSimMs) });
    index += 1;
  }
}

/**
 * Every patient of the plan's patient parts with their journeys, in arrival order, streamed. Patient `i`
 * (by index across the parts) is the patient `generatePatients` gives at index `i` for the same seed.
 */
export function iteratePatientRecords(plan: TrafficPlan): Generator<PatientRecord> {
  const streams = plan.parts.flatMap((part, partIndex) => (part.profile.unit === 'patients' ? [partRecords({ plan, part, partIndex })] : []));
  return streams.length === 1 ? (streams[0] as Generator<PatientRecord>) : mergeByTime({ streams, time: (r) => r.arrivalSimMs });
}
