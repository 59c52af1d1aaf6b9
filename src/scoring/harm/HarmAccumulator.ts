import type { TimelineAccumulator } from '../aggregate/TimelineAccumulator.ts';
import { journeyKindOf, type JourneyKind } from './journeyKinds.ts';
import { answerOf, answers, isAccepted, type Answer } from './answers.ts';

/** More than the journey kinds there are (journeyKinds.ts), for packing a kind index with a weight. */
const KINDS = 16;

/** Per journey kind: units offered and stored, the open units by the client's answer, and the backlog's series. */
export interface KindSeries {
  journey: JourneyKind;
  offered: number;
  completed: number;
  /** Units never stored by the end of the run, by the client's best answer (filled by `finish`). */
  notCompletedBy: Record<Answer, number>;
  /** Per timeline bucket, units the client accepted (done or queued) at that time... */
  acceptedPerBucket: Float64Array;
  /** ...and units of accepted work first stored at NIC then: the backlog is their running difference. */
  storedPerBucket: Float64Array;
}

/**
 * Collects the work offered per journey kind while k6.csv streams by (one `thap_outcome` per step sent or
 * blocked), then the work NIC stored as the ledger streams by. An id counts once, at its first outcome and at
 * its first stored record, with the client's best answer (done over queued over a refusal); `unitsOf` weighs
 * an id (a consignment carries its batch of samples). Only accepted work waits in the backlog: work the client
 * refused was sent away, not kept waiting.
 */
export class HarmAccumulator {
  readonly kinds = new Map<string, KindSeries>();
  private readonly seriesList: KindSeries[] = [];
  /**
   * Offered write ids not yet seen stored, each with its weight, answer and kind packed in one small integer
   * (`(units * answers + answer) * KINDS + kind index`): no object per id, so a run of millions of writes stays
   * within the scoring worker's memory (docs/report.md "Speed").
   */
  private readonly open = new Map<string, number>();

  constructor(
    private readonly timeline: TimelineAccumulator,
    private readonly unitsOf: (id: string) => number = () => 1,
  ) {}

  addOffered({ id, step, at, outcome }: { id: string; step: string | undefined; at: number; outcome?: string | undefined }): void {
    const journey = journeyKindOf(step);
    if (!journey) return;
    const answer = answerOf(outcome);
    const known = this.open.get(id);
    if (known !== undefined) return this.upgrade({ id, packed: known, answer, at });
    const series = this.seriesOf(journey);
    const units = this.unitsOf(id);
    series.offered += units;
    this.open.set(id, pack({ units, answer, kind: this.seriesList.indexOf(series) }));
    if (isAccepted(answer)) add(series.acceptedPerBucket, this.timeline.bucketOf(at), units);
  }

  /** A stored ledger record under an offered id; `entity` must be its kind's `completedBy` when it has one. */
  addStored({ id, at, entity }: { id: string; at: number | null; entity?: string | undefined }): void {
    const packed = this.open.get(id);
    if (packed === undefined) return;
    const { units, answer, kind } = unpack(packed);
    const series = this.seriesList[kind];
    if (!series) return;
    const completedBy = series.journey.completedBy;
    if (completedBy !== undefined && entity !== completedBy) return;
    this.open.delete(id);
    series.completed += units;
    if (at !== null && isAccepted(answer)) add(series.storedPerBucket, this.timeline.bucketOf(at), units);
  }

  /** Whether an offered write has not been seen stored (yet). */
  isOpen(id: string): boolean {
    return this.open.has(id);
  }

  /** Counts the work still open (never stored) per kind by the client's answer, once the ledger has streamed by. */
  finish(): void {
    for (const series of this.seriesList) series.notCompletedBy = emptyCounts();
    for (const packed of this.open.values()) {
      const { units, answer, kind } = unpack(packed);
      const series = this.seriesList[kind];
      if (series) series.notCompletedBy[answer] += units;
    }
  }

  /** A later, better answer for the same id (a refusal, then done or queued): it joins the backlog then. */
  private upgrade({ id, packed, answer, at }: { id: string; packed: number; answer: Answer; at: number }): void {
    const known = unpack(packed);
    if (answers.indexOf(answer) <= answers.indexOf(known.answer)) return;
    this.open.set(id, pack({ ...known, answer }));
    const series = this.seriesList[known.kind];
    if (series && isAccepted(answer) && !isAccepted(known.answer)) add(series.acceptedPerBucket, this.timeline.bucketOf(at), known.units);
  }

  private seriesOf(journey: JourneyKind): KindSeries {
    let series = this.kinds.get(journey.kind);
    if (!series) {
      const size = this.timeline.size;
      series = { journey, offered: 0, completed: 0, notCompletedBy: emptyCounts(), acceptedPerBucket: new Float64Array(size), storedPerBucket: new Float64Array(size) };
      this.kinds.set(journey.kind, series);
      this.seriesList.push(series);
    }
    return series;
  }
}

function pack({ units, answer, kind }: { units: number; answer: Answer; kind: number }): number {
  return (units * answers.length + answers.indexOf(answer)) * KINDS + kind;
}

function unpack(packed: number): { units: number; answer: Answer; kind: number } {
  const rest = Math.floor(packed / KINDS);
  return { units: Math.floor(rest / answers.length), answer: answers[rest % answers.length] as Answer, kind: packed % KINDS };
}

function emptyCounts(): Record<Answer, number> {
  return Object.fromEntries(answers.map((answer) => [answer, 0])) as Record<Answer, number>;
}

function add(series: Float64Array, bucket: number, units: number): void {
  if (bucket !== -1) series[bucket] = (series[bucket] ?? 0) + units;
}
