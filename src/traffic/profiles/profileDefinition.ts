/** A stretch of the day during which a share of the day's arrivals come at a constant rate. */
export interface Segment {
  /** Hours since 00:00 of the simulated day (may exceed 24 for the next day); `toHour` > `fromHour`. */
  fromHour: number;
  toHour: number;
  /** Share of the day's arrivals in this segment, in percent; a profile's segments sum to 100. */
  percent: number;
}

/** A named variant that multiplies the default daily count (e.g. T2 `monday` x1.2). */
export interface Variant {
  name: string;
  factor: number;
  source: string;
}

/**
 * One traffic profile of `domain/traffic.md`: what arrives (patients or samples), how many per day by
 * default, and the curve of arrivals over the day. Data only; `resolvePart` applies a user's parameters.
 */
export interface ProfileDefinition {
  name: string;
  title: string;
  /** One line for `thap generate --list`. */
  summary: string;
  unit: 'patients' | 'samples';
  defaultCount: number;
  segments: readonly Segment[];
  variants?: readonly Variant[];
  defaultVariant?: string;
  /** How the patients of this profile move through the client: counter OPD, or back-entry of manual slips. */
  journey: 'opd' | 'back-entry' | 'sample';
  /** The first segment is the patients queued before the counters open (T1, T2): `openingBurst` may move it. */
  queuedAtOpening?: boolean;
  /** Samples only: when consignments leave (share of consignments per segment). */
  consignmentSegments?: readonly Segment[];
}
