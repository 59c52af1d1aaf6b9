import { basename, join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../../core/index.ts';
import { lastWriteAt } from './lastWriteAt.ts';
import { scenarioFactsOf, type ScenarioFacts } from './scenarioFactsOf.ts';
import { faultScopesOf, type FaultScope } from './faultScopesOf.ts';
import { readJsonFile } from './readJsonFile.ts';
import { runJsonClientSchema, runJsonHarnessSchema, type ClientExit, type ClientHealth, type HarnessFailure } from './runJsonFields.ts';

/** What scoring needs from run.json, plan.json and scenario.resolved.json. */
export interface RunInfo {
  runId: string;
  /** The scenario's description, sources and client name, for the reports. */
  facts: ScenarioFacts;
  status: 'completed' | 'interrupted' | 'error';
  startedAt: number;
  endedAt: number;
  t0?: number;
  error?: string;
  scenarioName: string;
  scenarioTitle?: string;
  /** The client under test: `client.url`, else `client.command` joined, from scenario.resolved.json. */
  client?: string;
  fingerprint: string;
  seed: number | string;
  gates: string[];
  /** Optional scoring settings from the plan (`plan.scoring`), each falling back to a default. */
  scoring: { sloMs?: number; holdWindowMs?: number; epsilon?: number; machineWaitBoundMs?: number };
  /** The client's health check before load (run.json `client.health`); absent in older runs. */
  clientHealth?: ClientHealth;
  /** Exits of client processes thap started, before the run finished (run.json `client.exits`). */
  clientExits: ClientExit[];
  /** Harness processes that died or stopped answering while the run was live (run.json `harness.failures`). */
  harnessFailures: HarnessFailure[];
  /** Summed capacity (requests per second) of the NIC services the plan names, when it gives them. */
  capacityPerSec?: number;
  /** The plan's clock: simulated ms of day at t0 and simulated seconds per wall second (speed 1 from midnight when plan.json has none). */
  clock: { simStartMs: number; speed: number; date?: string; segments?: Array<{ fromSim: number; speed: number }> };
  /** Wall ms from t0 over which the plan offers load (plan.json `clock.wallDurationMs`); absent in older runs. */
  loadWallMs?: number;
  /** The plan's drain deadline (plan.json `drain`, src/scenario/plan.ts); absent in runs older than it. */
  drain?: PlannedDrain;
  /** Writes the client's own outbox said were still pending when thap stopped waiting for its drain (run.json `drain.pendingAtEnd`); absent for a client without an outbox. A claim: it only ever narrows what validity excuses. */
  clientPendingAtDrainEnd?: number;
  /** Visits (k6 iterations) the plan offers, summed over its series; absent when the plan gives none. */
  plannedVisits?: number;
  /** Each scenario fault's scope (service, route, method) by fault id, from scenario.resolved.json. */
  faultScopes: Record<string, FaultScope>;
}

/** plan.json `drain`: the deadline in simulated ms of day and its wall offset from t0. */
export interface PlannedDrain {
  deadlineSim: number;
  deadlineWallMs: number;
}

const runJsonSchema = z.object({
  runId: z.string().optional(),
  // `running`: the run's thap was killed before it could end the run (docs/run-directory.md).
  status: z.enum(['completed', 'interrupted', 'error', 'running']),
  startedAt: z.number(),
  endedAt: z.number().nullable().optional(),
  t0: z.number().optional(),
  error: z.unknown().optional(),
  client: runJsonClientSchema.optional(),
  harness: runJsonHarnessSchema.optional(),
  drain: z.looseObject({ outbox: z.boolean(), pendingAtEnd: z.number().int().min(0) }).optional(),
});

const planSchema = z.looseObject({
  fingerprint: z.string().optional(),
  seed: z.union([z.number(), z.string()]).optional(),
  name: z.string().optional(),
  scenario: z.looseObject({ name: z.string().optional(), title: z.string().optional(), fingerprint: z.string().optional(), seed: z.union([z.number(), z.string()]).optional() }).optional(),
  gates: z.array(z.union([z.string(), z.looseObject({ expr: z.string() })])).optional(),
  scoring: z.looseObject({ sloMs: z.number().positive().optional(), holdWindowMs: z.number().positive().optional(), epsilon: z.number().min(0).max(1).optional(), machineWaitBoundMs: z.number().positive().optional() }).optional(),
  services: z.unknown().optional(),
  clock: z.looseObject({ startSim: z.number().optional(), speed: z.number().positive().optional(), wallDurationMs: z.number().positive().optional(), date: z.string().optional(), segments: z.array(z.object({ fromSim: z.number(), speed: z.number().positive() })).optional() }).optional(),
  drain: z.looseObject({ deadlineSim: z.number(), deadlineWallMs: z.number().min(0) }).optional(),
  traffic: z.looseObject({ visitsBySeries: z.record(z.string(), z.number()).optional() }).optional(),
});

/**
 * Reads the run's identity and settings: the one place scoring parses run.json and plan.json (the clock, the
 * drain deadline and the planned traffic go on to integrity and validity from here). run.json and plan.json
 * are required; the resolved scenario is a fallback for the name. A run still `running` in run.json was killed with its thap: it reads as interrupted,
 * ended at the last write to its directory.
 */
export async function readRunInfo({ runDir }: { runDir: string }): Promise<RunInfo> {
  const runFile = join(runDir, 'run.json');
  const planFile = join(runDir, 'plan.json');
  const run = runJsonSchema.safeParse(await readJsonFile({ file: runFile }));
  if (!run.success) throw new UserError(`${runFile}: ${describeZod(run.error)}; see docs/run-directory.md`, { code: 'THAP_RUN_DIR' });
  const plan = planSchema.safeParse(await readJsonFile({ file: planFile }));
  if (!plan.success) throw new UserError(`${planFile}: ${describeZod(plan.error)}; write the plan with thap (src/scenario/plan.ts) or leave the field out`, { code: 'THAP_RUN_DIR' });
  const resolved = (await readJsonFile({ file: join(runDir, 'scenario.resolved.json'), optional: true })) ?? {};
  const facts = scenarioFactsOf(resolved);
  const p = plan.data;
  const resolvedName = typeof resolved.name === 'string' ? resolved.name : undefined;
  const resolvedTitle = typeof resolved.title === 'string' ? resolved.title : undefined;
  const r = run.data.status === 'running' ? { ...run.data, status: 'interrupted' as const, endedAt: (await lastWriteAt(runDir)) ?? run.data.startedAt } : { ...run.data, status: run.data.status };
  const clientSpec = (resolved.client ?? {}) as { url?: unknown; command?: unknown };
  const client = typeof clientSpec.url === 'string' ? clientSpec.url : Array.isArray(clientSpec.command) ? clientSpec.command.join(' ') : undefined;
  const errorText = r.error === undefined ? undefined : typeof r.error === 'string' ? r.error : JSON.stringify(r.error);
  return {
    runId: r.runId ?? basename(runDir),
    status: r.status,
    startedAt: r.startedAt,
    endedAt: r.endedAt ?? r.startedAt,
    ...(r.t0 !== undefined ? { t0: r.t0 } : {}),
    ...(errorText !== undefined ? { error: errorText } : {}),
    scenarioName: p.scenario?.name ?? p.name ?? resolvedName ?? basename(runDir),
    ...((p.scenario?.title ?? resolvedTitle) !== undefined ? { scenarioTitle: p.scenario?.title ?? resolvedTitle } : {}),
    ...(client !== undefined ? { client } : {}),
    ...(r.client?.health ? { clientHealth: r.client.health } : {}),
    clientExits: r.client?.exits ?? [],
    facts,
    faultScopes: faultScopesOf(resolved),
    harnessFailures: r.harness?.failures ?? [],
    fingerprint: p.scenario?.fingerprint ?? p.fingerprint ?? 'unknown',
    seed: p.scenario?.seed ?? p.seed ?? 'unknown',
    gates: (p.gates ?? []).map((gate) => (typeof gate === 'string' ? gate : gate.expr)),
    scoring: p.scoring ?? {},
    ...capacityOf(p.services),
    clock: { simStartMs: p.clock?.startSim ?? 0, speed: p.clock?.speed ?? 1, ...(p.clock?.date !== undefined ? { date: p.clock.date } : {}), ...(p.clock?.segments?.length ? { segments: p.clock.segments } : {}) },
    ...(p.clock?.wallDurationMs !== undefined ? { loadWallMs: p.clock.wallDurationMs } : {}),
    ...(p.drain !== undefined ? { drain: { deadlineSim: p.drain.deadlineSim, deadlineWallMs: p.drain.deadlineWallMs } } : {}),
    ...(r.drain?.outbox ? { clientPendingAtDrainEnd: r.drain.pendingAtEnd } : {}),
    ...plannedVisitsOf(p.traffic?.visitsBySeries),
  };
}

/** Sums `capacity.ratePerSec` (mocks/config.ts) over the plan's services, as an object by name or a list. */
function capacityOf(services: unknown): { capacityPerSec?: number } {
  const list = Array.isArray(services) ? services : services && typeof services === 'object' ? Object.values(services) : [];
  let total = 0;
  for (const service of list) {
    if (!service || typeof service !== 'object') continue;
    const s = service as Record<string, unknown>;
    const capacity = s.capacity as Record<string, unknown> | undefined;
    const value = typeof capacity?.ratePerSec === 'number' ? capacity.ratePerSec : typeof s.capacityPerSec === 'number' ? s.capacityPerSec : undefined;
    if (value !== undefined) total += value;
  }
  return total > 0 ? { capacityPerSec: total } : {};
}

function plannedVisitsOf(series: Record<string, number> | undefined): { plannedVisits?: number } {
  return series === undefined ? {} : { plannedVisits: Object.values(series).reduce((sum, count) => sum + count, 0) };
}

function describeZod(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
