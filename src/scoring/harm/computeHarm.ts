import { join } from 'node:path';
import type { TimelineAccumulator } from '../aggregate/TimelineAccumulator.ts';
import { simAt, simSpanFrom, type IncidentClock } from '../clock/incidentClock.ts';
import type { Harm, HarmJourney } from '../reportSchema.ts';
import { readNdjson } from '../runFiles/readNdjson.ts';
import type { HarmAccumulator, KindSeries } from './HarmAccumulator.ts';
import { count, notCompletedText } from './notCompletedText.ts';

/**
 * Harm in the incident's terms (issue 13): per journey kind, the work offered and never stored at NIC by the
 * end of the run, and the backlog (work offered and not yet stored) at its peak with how long after the last
 * fault it took to fall back to its level at the fault's start, in simulated time. Streams ledger.ndjson once.
 */
export async function computeHarm({ runDir, harm, timeline, clock, faultStart, faultEnd }: {
  runDir: string;
  harm: HarmAccumulator;
  timeline: TimelineAccumulator;
  clock: IncidentClock;
  faultStart: number | null;
  faultEnd: number | null;
}): Promise<Harm> {
  await readNdjson({
    file: join(runDir, 'ledger.ndjson'),
    optional: true,
    onObject: (line) => {
      if (line.stored === false || ('storedAt' in line && line.storedAt === null) || typeof line.clientRef !== 'string') return;
      harm.addStored({
        id: line.clientRef,
        at: typeof line.storedAt === 'number' ? line.storedAt : typeof line.acceptedAt === 'number' ? line.acceptedAt : null,
        entity: typeof line.entity === 'string' ? line.entity : undefined,
      });
    },
  });
  harm.finish();
  const journeys = [...harm.kinds.values()].map(toJourney);
  const backlog = faultStart === null || faultEnd === null ? null : worstBacklog({ kinds: [...harm.kinds.values()], timeline, clock, faultStart, faultEnd });
  const summary = journeys.filter((journey) => journey.notCompleted > 0).map((journey) => journey.text);
  if (backlog) summary.push(backlog.text);
  if (summary.length === 0) summary.push(journeys.length === 0 ? 'no journey work was offered' : 'all offered work reached NIC');
  return { journeys, backlog, summary };
}

function toJourney(series: KindSeries): HarmJourney {
  const notCompleted = Math.max(0, series.offered - series.completed);
  return {
    kind: series.journey.kind,
    unit: series.journey.unit,
    offered: series.offered,
    completed: series.completed,
    notCompleted,
    notCompletedShare: series.offered > 0 ? notCompleted / series.offered : null,
    notCompletedBy: { ...series.notCompletedBy },
    text: notCompletedText({ notCompleted, by: series.notCompletedBy, journey: series.journey }),
  };
}

/**
 * The kind whose backlog (work the client accepted, done or queued, and NIC had not stored yet) rose highest
 * above its level at the fault's start. Work the client refused is not a backlog: it is in the kind's sentence.
 */
function worstBacklog({ kinds, timeline, clock, faultStart, faultEnd }: { kinds: KindSeries[]; timeline: TimelineAccumulator; clock: IncidentClock; faultStart: number; faultEnd: number }): Harm['backlog'] {
  let worst: NonNullable<Harm['backlog']> | null = null;
  for (const series of kinds) {
    const found = backlogOf({ series, timeline, clock, faultStart, faultEnd });
    if (found && (!worst || found.peak > worst.peak)) worst = found;
  }
  return worst;
}

function backlogOf({ series, timeline, clock, faultStart, faultEnd }: { series: KindSeries; timeline: TimelineAccumulator; clock: IncidentClock; faultStart: number; faultEnd: number }): Harm['backlog'] {
  const startBucket = Math.max(0, timeline.bucketOf(faultStart));
  const level: number[] = [];
  let waiting = 0;
  for (let index = 0; index < timeline.size; index += 1) {
    waiting += (series.acceptedPerBucket[index] ?? 0) - (series.storedPerBucket[index] ?? 0);
    level.push(Math.max(0, waiting));
  }
  // The work already waiting when the fault began (in flight, or failed before it) is not the fault's backlog.
  const before = startBucket > 0 ? (level[startBucket - 1] ?? 0) : 0;
  let peak = 0;
  let peakIndex = startBucket;
  for (let index = startBucket; index < level.length; index += 1) {
    const excess = (level[index] ?? 0) - before;
    if (excess > peak) {
      peak = excess;
      peakIndex = index;
    }
  }
  if (peak < 1) return null;
  let drainedWallMs: number | null = null;
  for (let index = Math.max(peakIndex, timeline.bucketOf(faultEnd)); index < level.length; index += 1) {
    if ((level[index] ?? 0) - before > 0) continue;
    drainedWallMs = Math.max(0, timeline.bucketEnd(index) - faultEnd);
    break;
  }
  const drainedSimMs = simSpanFrom(clock, faultEnd, drainedWallMs);
  const units = Math.round(peak);
  const drained = drainedSimMs === null ? 'backlog not drained by the end of the run' : `backlog drained in ${simMinutes(drainedSimMs)} after the fault ended`;
  return {
    kind: series.journey.kind,
    peak: units,
    unit: series.journey.unit,
    peakSimAt: simAt(clock, timeline.bucketEnd(peakIndex)),
    drainedSimMs,
    text: `${count(units)} ${series.journey.waited}; ${drained}`,
  };
}

function simMinutes(simMs: number): string {
  const minutes = Math.round(simMs / 60_000);
  return `${minutes} simulated minute${minutes === 1 ? '' : 's'}`;
}
