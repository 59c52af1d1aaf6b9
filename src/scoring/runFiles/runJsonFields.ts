import { z } from 'zod';

/**
 * The parts of run.json that tell the client's failures from the harness's (docs/run-directory.md): the
 * health check of the client before load, every exit of a client process thap started, and every harness
 * process that died or stopped answering while the run was live. Shared by the writer (src/run/runRecord.ts)
 * and the reader (readRunInfo.ts) so both hold the same shape.
 */
export const clientHealthSchema = z.object({
  url: z.string(),
  ok: z.boolean(),
  checkedAt: z.number(),
  /** Why the check failed: the connection error, or the status it answered. */
  error: z.string().optional(),
});

export const clientExitSchema = z.object({
  at: z.number(),
  code: z.number().nullable(),
  signal: z.string().nullable(),
  /** With client regions: the region whose client exited. */
  region: z.string().optional(),
});

export const harnessProcesses = ['mocks', 'toxiproxy', 'harness-endpoint', 'k6', 'fault-driver'] as const;

export const harnessFailureSchema = z.object({
  process: z.enum(harnessProcesses),
  at: z.number(),
  /** `exited`: the process (or thread) ended; `unresponsive`: it failed 3 probes in a row. */
  kind: z.enum(['exited', 'unresponsive']),
  detail: z.string(),
});

export type ClientHealth = z.infer<typeof clientHealthSchema>;
export type ClientExit = z.infer<typeof clientExitSchema>;
export type HarnessFailure = z.infer<typeof harnessFailureSchema>;
export type HarnessProcess = (typeof harnessProcesses)[number];

/** run.json's `client` and `harness` objects; both are absent in runs older than these fields. */
export const runJsonClientSchema = z.object({ health: clientHealthSchema.optional(), exits: z.array(clientExitSchema).default([]) });
export const runJsonHarnessSchema = z.object({ failures: z.array(harnessFailureSchema).default([]) });
