import type { TimelineAccumulator } from '../aggregate/TimelineAccumulator.ts';
import { journeyKindOf, type JourneyKind } from './journeyKinds.ts';

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
  /** Offered write ids not yet seen stored, with their kind and weight. */
  private readonly open = new Map<string, { series: KindSeries; units: number }>();

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
    this.open.set(id, { series, units });
    add(series.offeredPerBucket, this.timeline.bucketOf(at), units);
  }

  addStored({ id, at }: { id: string; at: number | null }): void {
    const entry = this.open.get(id);
    if (!entry) return;
    this.open.delete(id);
    entry.series.completed += entry.units;
    if (at !== null) add(entry.series.storedPerBucket, this.timeline.bucketOf(at), entry.units);
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
    }
    return series;
  }
}

function add(series: Float64Array, bucket: number, units: number): void {
  if (bucket !== -1) series[bucket] = (series[bucket] ?? 0) + units;
}
