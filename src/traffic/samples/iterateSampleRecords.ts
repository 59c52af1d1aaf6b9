import type { TrafficPlan } from '../plan/trafficPlan.ts';
import type { ResolvedPart } from '../profiles/resolvePart.ts';
import type { SampleRecord } from './sampleRecord.ts';
import { orderedArrivals } from '../arrivals/orderedArrivals.ts';
import { blockSize, createFaker, seedBlock } from '../random/blockFaker.ts';
import { mergeByTime } from '../plan/mergeByTime.ts';
import { simToWall } from '../plan/clock.ts';
import { thinkTimes } from '../journeys/thinkTimes.ts';
import { drawSample } from './drawSample.ts';

const sampleStream = 3;
const sampleJourneyStream = 4;
const arrivalStreamBase = 100;
const consignmentStreamBase = 200;

function* partSamples({ plan, part, partIndex, consignmentOffset }: { plan: TrafficPlan; part: ResolvedPart; partIndex: number; consignmentOffset: number }): Generator<SampleRecord> {
  const offset = plan.offsets[partIndex] ?? 0;
  const arrivals = createFaker();
  seedBlock({ faker: arrivals, seed: plan.seed, stream: arrivalStreamBase + partIndex, block: 0 });
  const consignmentFaker = createFaker();
  seedBlock({ faker: consignmentFaker, seed: plan.seed, stream: consignmentStreamBase + partIndex, block: 0 });
  const people = createFaker();
  const journeys = createFaker();
  const batches = Math.ceil(part.count / part.batchSize);
  const consignmentTimes = orderedArrivals({ faker: consignmentFaker, count: batches, segments: part.consignmentSegments ?? part.segments });
  const [packMin] = thinkTimes.sampleBatchPackingMs;
  const pending: SampleRecord[] = [];
  let block = -1;
  let index = offset;
  let batch = 0;
  const flush = function* (): Generator<SampleRecord> {
    const planned = consignmentTimes.next().value ?? 0;
    const last = pending[pending.length - 1] as SampleRecord;
    const consignmentSimMs = Math.max(planned, last.srfCreateSimMs + packMin);
    const consignmentId = `cn-${String(consignmentOffset + batch + 1).padStart(6, '0')}`;
    for (const record of pending) {
      record.consignmentId = consignmentId;
      record.consignmentSimMs = consignmentSimMs;
      record.resultUploadSimMs += consignmentSimMs;
      yield record;
    }
    pending.length = 0;
    batch += 1;
  };
  for (const srfCreateSimMs of orderedArrivals({ faker: arrivals, count: part.count, segments: part.segments })) {
    const inBlock = Math.floor(index / blockSize);
    if (inBlock !== block) {
      block = inBlock;
      seedBlock({ faker: people, seed: plan.seed, stream: sampleStream, block });
      seedBlock({ faker: journeys, seed: plan.seed, stream: sampleJourneyStream, block });
      for (let skip = block * blockSize; skip < index; skip += 1) drawSample(people);
    }
    const core = drawSample(people);
    const [lo, hi] = thinkTimes.consignmentToResultMs;
    // Field by field, not `...core`: spreading was the slow path on Node 20 (see toPatientRecord).
    pending.push({
      id: `sm-${String(index + 1).padStart(7, '0')}`,
      profile: part.profile.name,
      name: core.name,
      gender: core.gender,
      age: core.age,
      mobile: core.mobile,
      district: core.district,
      pin: core.pin,
      testType: core.testType,
      specimen: core.specimen,
      srfCreateSimMs,
      srfCreateWallMs: simToWall(plan.clock, srfCreateSimMs),
      consignmentId: '',
      consignmentSimMs: 0,
      resultUploadSimMs: journeys.number.int({ min: lo, max: hi }),
    });
    index += 1;
    if (pending.length === part.batchSize) yield* flush();
  }
  if (pending.length > 0) yield* flush();
}

/**
 * Every sample of the plan's sample parts in SRF-creation order, streamed: a sample is held back only until
 * its consignment batch is complete (`batchSize` records). Consignments leave on the profile's consignment
 * curve, never sooner than 10 minutes after their last SRF; results are uploaded 4-24 h after (T4).
 */
export function iterateSampleRecords(plan: TrafficPlan): Generator<SampleRecord> {
  let consignments = 0;
  const streams = plan.parts.flatMap((part, partIndex) => {
    if (part.profile.unit !== 'samples') return [];
    const stream = partSamples({ plan, part, partIndex, consignmentOffset: consignments });
    consignments += Math.ceil(part.count / part.batchSize);
    return [stream];
  });
  return mergeByTime({ streams, time: (r) => r.srfCreateSimMs });
}
