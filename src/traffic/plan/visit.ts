/** A group of journey steps one actor does in one go; each visit is one k6 iteration. */
export interface Visit {
  /** Which arrival stream the visit belongs to; each becomes one k6 scenario. */
  series: Series;
  /** Correlation id: patient, sample or consignment id. */
  entity: string;
  /** Simulated ms since 00:00 of the plan's day when the visit starts. */
  simMs: number;
  /** Steps in order; `thinkSimMs` is the pause before the step (0 for the first). */
  steps: Array<{ name: StepName; thinkSimMs: number }>;
}

export const seriesNames = ['registration', 'lab', 'collection', 'report', 'srf', 'consignment', 'result'] as const;
export type Series = (typeof seriesNames)[number];

export type StepName =
  | 'lookup' | 'otp-send' | 'otp-resend' | 'otp-verify' | 'abha-share' | 'register' | 'revisit' | 'back-entry'
  | 'online-payment' | 'fee' | 'fee-reconcile' | 'token'
  | 'lab-order' | 'barcode' | 'collection' | 'report'
  | 'srf-create' | 'consignment' | 'result-upload';
