import type { TimelineAccumulator } from '../aggregate/TimelineAccumulator.ts';
import { journeyKindOf, type JourneyKind } from './journeyKinds.ts';

/** More than the journey kinds there are (journeyKinds.ts), for packing a kind index with a weight. */
const KINDS = 16;

/** Per journey kind: units offered, and per timeline bucket the units offered and the units first stored at NIC. */
export interface KindSeries {
  journey: JourneyKind;
  offered: number;
  completed: number;
  offeredPerBucket: Float64Array;
  storedPerBucket: Float64Array;
}

/**
 * Collects the work offered per journey kind while k6.csv streams by (one `thap_outcome` per step sent or
 * blocked), then the work NIC stored as the ledger streams by. An id counts once, at its first outcome and at
 * its first stored record; `unitsOf` weighs an id (a consignment carries its batch of samples).
 */
export class HarmAccumulator {
  readonly kinds = new Map<string, KindSeries>();
  private readonly seriesList: KindSeries[] = [];
  /**
   * Offered write ids not yet seen stored, each with its kind and weight packed in one small integer
   * (`units * KINDS + kind index`): no object per id, so a run of millions of writes stays within the
   * scoring worker's memory (docs/report.md "Speed").
   */
  private readonly open = new Map<string, number>();

  constructor(
    private readonly timeline: TimelineAccumulator,
    private readonly unitsOf: (id: string) => number = () => 1,
  ) {}

  addOffered({ id, step, at }: { id: string; step: string | undefined; at: number }): void {
    const journey = journeyKindOf(step);
    if (!journey || this.open.has(id)) return;
    const series = this.seriesOf(journey);
    const units = this.unitsOf(id);
    series.offered += units;
    this.open.set(id, units * KINDS + this.seriesList.indexOf(series));
    add(series.offeredPerBucket, this.timeline.bucketOf(at), units);
  }

  addStored({ id, at }: { id: string; at: number | null }): void {
    const packed = this.open.get(id);
    if (packed === undefined) return;
    this.open.delete(id);
    const series = this.seriesList[packed % KINDS];
    const units = Math.floor(packed / KINDS);
    if (!series) return;
    series.completed += units;
    if (at !== null) add(series.storedPerBucket, this.timeline.bucketOf(at), units);
  }

  /** Whether an offered write has not been seen stored (yet). */
  isOpen(id: string): boolean {
    return this.open.has(id);
  }

  private seriesOf(journey: JourneyKind): KindSeries {
    let series = this.kinds.get(journey.kind);
    if (!series) {
      series = { journey, offered: 0, completed: 0, offeredPerBucket: new Float64Array(this.timeline.size), storedPerBucket: new Float64Array(this.timeline.size) };
      this.kinds.set(journey.kind, series);
      this.seriesList.push(series);
    }
    return series;
  }
}

function add(series: Float64Array, bucket: number, units: number): void {
  if (bucket !== -1) series[bucket] = (series[bucket] ?? 0) + units;
}
