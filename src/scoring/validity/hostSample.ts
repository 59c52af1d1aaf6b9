import { z } from 'zod';

/** The processes of a run that thap starts as its own descendants, and so can count as the run's CPU. */
export const runProcessNames = ['thap', 'k6', 'toxiproxy', 'mocks', 'client'] as const;
export type RunProcessName = (typeof runProcessNames)[number];

/**
 * One line of host.ndjson (docs/run-directory.md; written by src/run/hostLoad/): the machine's CPU over the
 * wall interval `(t - wallMs, t]`, how much of it the run's own process tree used, and how long the run's
 * threads waited for a CPU. CPU times are ms summed
 * over the cores, so `busyMs + idleMs` is about `cores * wallMs`.
 */
export const hostSampleSchema = z.looseObject({
  t: z.number(),
  wallMs: z.number().positive(),
  cores: z.number().int().positive(),
  busyMs: z.number().nonnegative(),
  idleMs: z.number().nonnegative(),
  runMs: z.number().nonnegative().describe("CPU of thap's process tree: thap and every process it started and still runs"),
  runWaitMs: z.number().nonnegative().describe("time the run's threads spent runnable but waiting for a CPU, summed over its threads (/proc/<pid>/task/<tid>/schedstat)"),
  coreBusy: z.array(z.number()).describe('per core, the busy share of the interval (0 to 1)'),
  runIncludes: z.array(z.enum(runProcessNames)).describe("the run's processes inside thap's tree: no client for a --target URL, no harness for the container stack"),
});

export type HostSample = z.infer<typeof hostSampleSchema>;
