/**
 * Think times and delays of the journeys, in simulated milliseconds. `traffic.md` T1 gives the steps
 * (1-3 lookups, registration or revisit, fee, token; 85% get test orders: billing, barcode, collection
 * 60-120 min after registration; report mostly next day); the durations between steps are assumptions
 * that fit a counter queue (NSCB Jabalpur: 29-minute wait to reach the counter [46]).
 */
const s = 1000;
const min = 60 * s;

export const thinkTimes = {
  lookupGapMs: [15 * s, 45 * s], // between lookups (assumption)
  lookupToRegisterMs: [30 * s, 90 * s], // assumption
  registerToFeeMs: [60 * s, 180 * s], // walk to the fee counter (assumption)
  feeToTokenMs: [15 * s, 60 * s], // assumption
  registerToLabOrderMs: [20 * min, 50 * min], // consultation before the lab order (assumption)
  labOrderToBarcodeMs: [1 * min, 5 * min], // assumption
  registerToCollectionMs: [60 * min, 120 * min], // traffic.md T1
  collectionToSameDayReportMs: [4 * 60 * min, 8 * 60 * min], // assumption for the 15% reported the same day
  nextDayReportHours: [9, 17], // next-day report fetch window (assumption)
  backEntryToFeeReconcileMs: [20 * s, 60 * s], // T5 back-entry (assumption)
  sampleBatchPackingMs: [10 * min, 10 * min], // a consignment leaves at least 10 min after its last SRF (assumption)
  consignmentToResultMs: [4 * 60 * min, 24 * 60 * min], // "lab result uploads due within 24 h" (traffic.md T4)
} as const satisfies Record<string, readonly [number, number]>;

/** Shares along the journeys (`traffic.md` T1). */
export const journeyShares = {
  lookups: [1, 3], // T1: 1-3 lookups
  testsOrdered: 0.85, // T1: 85% get test orders (80-90% [38])
  reportNextDay: 0.85, // T1: "report fetch mostly next day" (85% is an assumption)
  abhaScanShare: 0.1, // T1 assumption: 10% arrive via ABHA Scan and Share
  orsPrebooked: 0.25, // T1 assumption: 20-30% pre-booked on ORS
} as const;
