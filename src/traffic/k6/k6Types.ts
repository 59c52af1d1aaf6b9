/** k6 `ramping-arrival-rate` scenario options as thap writes them (durations as `<n>ms`). */
export interface RampingArrivalRate {
  executor: 'ramping-arrival-rate';
  startRate: number;
  timeUnit: string;
  stages: Array<{ target: number; duration: string }>;
  preAllocatedVUs: number;
  maxVUs: number;
  /** Wall offset of the scenario's first arrivals. */
  startTime: string;
}

/** One entry of the data file a k6 script reads through SharedArray; iteration i of a series takes entry i. */
export interface K6Entry {
  entity: string;
  simMs: number;
  wallMs: number;
  /** Steps with the pause before each on the wall clock (think time / speed). */
  steps: Array<{ name: string; thinkMs: number }>;
  /** The patient or sample, on the entity's first visit (registration, SRF creation). */
  record?: object;
}
