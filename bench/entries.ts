/**
 * Every bench entry `npm run bench` runs, in order. Add an entry: a module whose default export is a
 * `BenchEntry` (bench/types.ts), imported lazily here.
 */
export const entries: Array<() => Promise<{ default: import('./types.ts').BenchEntry }>> = [
  () => import('./mockRegistration.bench.ts'),
  () => import('./mocksHotWrites.bench.ts'),
  () => import('./mocksOpenLoop.bench.ts'),
  () => import('./mocksBreakdown.bench.ts'),
  () => import('./mocksCallbacks.bench.ts'),
  () => import('./entries/trafficDay.ts'),
  () => import('./entries/trafficSamples.ts'),
  () => import('./entries/scoring.ts'),
  () => import('./entries/toolLookup.ts'),
  () => import('./entries/harnessOverhead.ts'),
  () => import('./entries/harnessFaultTiming.ts'),
  () => import('./entries/harnessLatency.ts'),
  () => import('./entries/k6Segments.ts'),
  () => import('./entries/speedInvariance.ts'),
  () => import('./entries/calibration.ts'),
];
