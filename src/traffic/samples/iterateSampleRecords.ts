import type { TrafficPlan } from '../plan/trafficPlan.ts';
import type { ResolvedPart } from '../profiles/resolvePart.ts';
import type { SampleRecord } from './sampleRecord.ts';
import { arrivalSampler } from '../arrivals/orderedArrivals.ts';
import { blockSize, createFaker, seedBlock } from '../random/blockFaker.ts';
import { mergeByTime } from '../plan/mergeByTime.ts';
import { simToWall } from '../plan/clock.ts';
import { thinkTimes } from '../journeys/thinkTimes.ts';
import { drawSample } from './drawSample.ts';

const sampleStream = 3;
const sampleJourneyStream = 4;
const arrivalStreamBase = 100;
const consignmentStreamBase = 200;

function emptySample(id: string, profile: string, srfCreateSimMs: number, srfCreateWallMs: number): SampleRecord {
  // Every field in output order, so all records share one shape.
  return {
    id, profile, name: '', gender: 'male', age: 0, mobile: '', district: '', pin: '', testType: '', specimen: '',
    srfCreateSimMs, srfCreateWallMs, consignmentId: '', consignmentSimMs: 0, resultUploadSimMs: 0,
  };
}

function* partSamples({ plan, part, partIndex, consignmentOffset }: { plan: TrafficPlan; part: ResolvedPart; partIndex: number; consignmentOffset: number }): Generator<SampleRecord> {
  const offset = plan.offsets[partIndex] ?? 0;
  const arrivalFaker = createFaker();
  seedBlock({ faker: arrivalFaker, seed: plan.seed, stream: arrivalStreamBase + partIndex, block: 0 });
  const consignmentFaker = createFaker();
  seedBlock({ faker: consignmentFaker, seed: plan.seed, stream: consignmentStreamBase + partIndex, block: 0 });
  const people = createFaker();
  const journeys = createFaker();
  const batches = Math.ceil(part.count / part.batchSize);
  const consignmentTimes = arrivalSampler({ faker: consignmentFaker, count: batches, segments: part.consignmentSegments ?? part.segments });
  const arrivals = arrivalSampler({ faker: arrivalFaker, count: part.count, segments: part.segments });
  const [packMin] = thinkTimes.sampleBatchPackingMs;
  const [resultMin, resultMax] = thinkTimes.consignmentToResultMs;
  const scratch = emptySample('', '', 0, 0);
  const pending: SampleRecord[] = [];
  let block = -1;
  let batch = 0;
  const end = offset + part.count;
  for (let index = offset; index < end; index += 1) {
    const srfCreateSimMs = arrivals.next() as number;
    const inBlock = Math.floor(index / blockSize);
    if (inBlock !== block) {
      block = inBlock;
      seedBlock({ faker: people, seed: plan.seed, stream: sampleStream, block });
      seedBlock({ faker: journeys, seed: plan.seed, stream: sampleJourneyStream, block });
      // A part may start inside a block: draw the block's earlier samples so sample i is always the same.
      for (let skip = block * blockSize; skip < index; skip += 1) drawSample(people, scratch);
    }
    const record = emptySample(`sm-${String(index + 1).padStart(7, '0')}`, part.profile.name, srfCreateSimMs, simToWall(plan.clock, srfCreateSimMs));
    drawSample(people, record);
    record.resultUploadSimMs = journeys.number.int({ min: resultMin, max: resultMax });
    pending.push(record);
    if (pending.length < part.batchSize && index + 1 < end) continue;
    // The batch is complete: it leaves on the consignment curve, never before its last SRF + packing time.
    const consignmentSimMs = Math.max(consignmentTimes.next() ?? 0, srfCreateSimMs + packMin);
    const consignmentId = `cn-${String(consignmentOffset + batch + 1).padStart(6, '0')}`;
    for (const r of pending) {
      r.consignmentId = consignmentId;
      r.consignmentSimMs = consignmentSimMs;
      r.resultUploadSimMs += consignmentSimMs;
      yield r;
    }
    pending.length = 0;
    batch += 1;
  }
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
  return streams.length === 1 ? (streams[0] as Generator<SampleRecord>) : mergeByTime({ streams, time: (r) => r.srfCreateSimMs });
}
