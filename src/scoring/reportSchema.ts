import { z } from 'zod';

/**
 * report.json, version 1: the single source of every other report format. The JSON Schema in
 * `schema/report.schema.json` is generated from this definition (`npm run schema:report` or
 * `writeReportJsonSchema`). Instants are Unix epoch milliseconds (wall), with `sim...` twins in simulated ms of
 * day; every duration is SIMULATED ms (the incident's clock, `clock`), with its wall twin named `...WallMs`.
 */

const nullableNumber = z.number().nullable();

/** The validity checks, in the order reports show them; each name is a stable JUnit testcase name. */
export const validityCheckNames = ['harness.alive', 'faults.touched', 'load.onPlan', 'faults.onTime', 'mocks.baselineSpeed', 'machine.otherWork', 'machine.drainCapacity'] as const;

export const phaseKindSchema = z.enum(['baseline', 'fault', 'recovery', 'hold']);

export const phaseSchema = z.object({
  name: z.string().describe('baseline, fault, recovery, hold, or fault-<faultId> when a run has several faults'),
  kind: phaseKindSchema,
  faultIds: z.array(z.string()),
  start: z.number(),
  end: z.number(),
  simStart: z.number().describe('start in simulated ms of day'),
  simEnd: z.number().describe('end in simulated ms of day'),
  durationMs: z.number().describe('simulated ms'),
  durationWallMs: z.number(),
  requests: z.number().int().describe('client requests started in the phase (k6 http_req_duration samples)'),
  successes: z.number().int().describe('requests the client answered with an expected (2xx/3xx) response'),
  droppedIterations: z.number().int().describe('arrivals k6 could not start (offered but never sent)'),
  availability: nullableNumber.describe('successes / requests; null when the phase had no requests'),
  offeredPerSec: z.number(),
  achievedPerSec: z.number(),
  goodputPerSec: z.number().describe('successes within the latency SLO per second'),
  goodput: nullableNumber.describe('goodputPerSec / offeredPerSec'),
  p50Ms: nullableNumber,
  p95Ms: nullableNumber,
  p99Ms: nullableNumber,
  latencyInflation: nullableNumber.describe('p95Ms / baseline p95Ms'),
  failFastMs: nullableNumber.describe('p95 latency of the unsuccessful answers: how fast the client fails'),
  outcomes: z.object({ done: z.number().int(), queued: z.number().int(), failed: z.number().int() }),
  /** The same per journey step (register, fee, createConsignment...). */
  steps: z.record(z.string(), z.object({ done: z.number().int(), queued: z.number().int(), failed: z.number().int() })).optional(),
  /** With client regions (k6 tag `region`): the same per region, so "one region's clients time out; others fine" shows (outages.md O8). */
  regions: z
    .record(
      z.string(),
      z.object({
        requests: z.number().int(),
        successes: z.number().int(),
        availability: nullableNumber,
        outcomes: z.object({ done: z.number().int(), queued: z.number().int(), failed: z.number().int() }),
      }),
    )
    .optional(),
});

export const faultSchema = z.object({
  faultId: z.string(),
  kind: z.string(),
  service: z.string(),
  describe: z.string(),
  appliedAt: nullableNumber,
  removedAt: nullableNumber,
  simAppliedAt: nullableNumber.describe('appliedAt in simulated ms of day'),
  simRemovedAt: nullableNumber.describe('removedAt in simulated ms of day'),
  /** Actual minus planned time of the apply and of the remove, ms (faults.ndjson `driftMs`). */
  applyDriftMs: nullableNumber.optional(),
  removeDriftMs: nullableNumber.optional(),
  /** What the fault touched while applied (faults.ndjson remove line): an app fault's requests acted on (mocks count). */
  hits: z.number().int().optional(),
  /** A network fault's bytes through its proxy while applied; null when the proxy was disabled (down). */
  bytes: nullableNumber.optional(),
  ok: z.boolean(),
  error: z.string().optional(),
});

export const recoverySchema = z.object({
  faultStart: nullableNumber,
  faultEnd: nullableNumber,
  ttdMs: nullableNumber.describe('time to detect, simulated ms: fault start until the client answers fast again for the rest of the fault'),
  ttdWallMs: nullableNumber,
  ttrMs: nullableNumber.describe('time to recover, simulated ms: fault end until quality holds at (1 - epsilon) x baseline for holdWindowMs'),
  ttrWallMs: nullableNumber,
  holdWindowMs: z.number().describe('simulated ms'),
  holdWindowWallMs: z.number(),
  epsilon: z.number(),
  resilienceLoss: z.number().describe('area under 100 - Q(t) from fault start to run end, in percent x simulated minutes'),
  metastable: z.boolean().nullable().describe('goodput in the hold phase still below (1 - epsilon) x baseline'),
  holdGoodputRatio: nullableNumber,
  curve: z.array(z.object({ t: z.number(), q: nullableNumber })).describe('Q(t) in percent of baseline, per timeline bucket'),
});

export const serviceFindingsSchema = z.object({
  callbacksNeverReceived: z.number().int().describe('ABDM shares NIC accepted whose token never reached the client (no on-share answered 2xx, no status read)'),
  paymentsCapturedTwice: z.number().int().describe('payment orders captured more than once: a patient charged twice'),
  otpVerifiedAfterExpiry: z.number().int().describe('OTP verifications the client answered done for an OTP NIC refused as expired'),
  samples: z.object({
    callbacksNeverReceived: z.array(z.string()).describe('up to 20 share request ids'),
    paymentsCapturedTwice: z.array(z.string()).describe('up to 20 capture keys (capture|<orderRef>)'),
    otpVerifiedAfterExpiry: z.array(z.string()).describe('up to 20 correlation ids'),
  }),
});

export const integritySchema = z.object({
  accepted: z.number().int().describe('distinct correlation ids the client answered done or queued'),
  done: z.number().int(),
  queued: z.number().int(),
  stored: z.number().int().describe('accepted ids with a stored record in the NIC ledger'),
  lost: z.number().int().describe('ids answered done with no stored record'),
  pending: z.number().int().describe('ids answered queued only, not stored by the end of the run (informational: undelivered is what counts)'),
  undelivered: z.number().int().describe('accepted ids (done or queued) with no stored record at or before the drain deadline, whatever the client said'),
  falseClaims: z.number().int().describe('done answers whose NIC id NIC never issued, or issued for another correlation id'),
  duplicated: z.number().int().describe('business entities stored more than once'),
  extraRecords: z.number().int().describe('stored records beyond the first of a business entity'),
  unclaimed: z.number().int().describe('stored records whose clientRef the client never reported as accepted'),
  ledgerRecords: z.number().int(),
  drainDeadlineAt: nullableNumber.describe('wall epoch ms of the drain deadline (the scenario\'s client.drainDeadline after the load); null for runs planned without one'),
  drainDeadlineSimMs: nullableNumber.describe('the drain deadline in simulated ms of the day'),
  lostSample: z.array(z.string()).describe('up to 20 lost correlation ids'),
  falseClaimSamples: z.array(z.string()).describe('up to 20 correlation ids of false claims'),
  duplicatedSample: z.array(z.string()).describe('up to 20 duplicated business keys'),
  services: serviceFindingsSchema.optional().describe('OTP, ABHA and payment findings; absent when the run had none of those journeys'),
});

export const nicSchema = z.object({
  measured: z.boolean().describe('false when upstream.ndjson is absent'),
  upstreamRequests: z.number().int(),
  logicalRequests: z.number().int(),
  retryAmplification: nullableNumber.describe('upstream attempts / logical requests'),
  retryAmplificationFromFault: nullableNumber.optional().describe('the same over the logical requests attempted from the first fault on'),
  retryAmplificationRoute: z.string().optional().describe('from the first fault on, the route with the most attempts per logical request (at least 5 logical requests)'),
  retryAmplificationRouteValue: z.number().optional().describe('its attempts per logical request: informative, not scored (a long outage earns a patient client several backed-off retries)'),
  baselineUpstreamPerSec: nullableNumber,
  peakUpstreamPerSecAfterRecovery: nullableNumber,
  capacityPerSec: nullableNumber,
  peakOverCapacity: nullableNumber,
  peakOverBaseline: nullableNumber,
  busiestDemandUpstreamPerSec: nullableNumber.optional().describe("the upstream rate the run's busiest bucket of offered requests needs at the baseline's upstream calls per request, at least the baseline's rate"),
  peakOverDemand: nullableNumber.optional().describe('post-recovery upstream peak over busiestDemandUpstreamPerSec: what the amplification score judges (a flush, not the demand itself)'),
  drainTimeMs: nullableNumber.describe('simulated ms from the last fault end until the last record accepted during the fault was stored (0 when all were stored before it ended)'),
  drainTimeWallMs: nullableNumber,
  retryAfter: z.object({ observed: z.number().int(), honoured: z.number().int(), ratio: nullableNumber }),
});

export const timelineSchema = z.object({
  bucketMs: z.number().describe('simulated ms per bucket (every bucket, in every clock segment)'),
  bucketWallMs: z.number().describe('wall ms per bucket at clock.speed; on a segmented clock a bucket in another segment is bucketMs over that speed (t holds every start)'),
  start: z.number(),
  t: z.array(z.number()),
  tSim: z.array(z.number()).describe('each bucket start in simulated ms of day'),
  offered: z.array(z.number()).describe('requests + dropped iterations per second'),
  achieved: z.array(z.number()).describe('requests per second'),
  errorRate: z.array(nullableNumber),
  p50Ms: z.array(nullableNumber),
  p95Ms: z.array(nullableNumber),
  p99Ms: z.array(nullableNumber),
  upstream: z.array(z.number()).describe('upstream attempts per second seen by the NIC mocks'),
  arrivals: z.array(z.number()).optional().describe('journeys (k6 iterations) started or dropped per SIMULATED minute: the patients and samples arriving, whatever the client answered'),
  backlog: z
    .array(z.object({ kind: z.string(), unit: z.string(), waiting: z.array(z.number()).describe('units the client accepted (done or queued) and NIC had not stored, at each bucket end') }))
    .optional()
    .describe('per journey kind with any work waiting: the backlog over time (report.harm.backlog is its peak)'),
  nicQueue: z.array(z.number()).optional().describe("requests waiting in the NIC mocks' capacity queues, on average over each bucket (upstream.ndjson queuedMs); absent in older reports"),
});

/** One row of a per-step or per-endpoint table: requests, errors and latency over the whole run. */
const breakdownRowSchema = z.object({
  requests: z.number().int(),
  errors: z.number().int().describe('requests with no expected (2xx/3xx) answer'),
  p50Ms: nullableNumber,
  p95Ms: nullableNumber,
  p99Ms: nullableNumber,
});

export const breakdownSchema = z.object({
  steps: z.array(breakdownRowSchema.extend({ step: z.string(), done: z.number().int(), queued: z.number().int(), failed: z.number().int() })).describe('per journey step the client was asked to do (k6 tag `name`)'),
  endpoints: z.array(breakdownRowSchema.extend({ service: z.string(), method: z.string(), route: z.string(), faulted: z.number().int().describe('attempts a mock fault acted on') })).describe('per NIC endpoint the client called (upstream.ndjson), every attempt'),
  errors: z
    .array(z.object({ side: z.enum(['client', 'nic']), where: z.string().describe('the step (client) or `service METHOD route` (nic)'), status: z.number().int().describe('HTTP status; 0 when no answer came'), reason: z.string(), count: z.number().int() }))
    .describe('errors by status and reason, most frequent first: what the client answered k6, and what NIC answered the client'),
});

export const clockSchema = z.object({
  speed: z.number().describe('simulated seconds per wall second'),
  t0: z.number().describe('the wall instant (epoch ms) at simStartMs'),
  simStartMs: z.number().describe('simulated ms of day at t0; with one speed a wall instant w is simStartMs + (w - t0) x speed'),
  date: z.string().optional().describe('the simulated day, when the scenario names one'),
  segments: z
    .array(z.object({ fromSim: z.number().describe('simulated ms of day (24 h and on: the second day)'), speed: z.number() }))
    .optional()
    .describe('later stretches of the clock, each at its own speed from fromSim on (docs/scoring.md "Incident time"); absent for one speed'),
});

export const harmJourneySchema = z.object({
  kind: z.string().describe('registration, fee, lab-order, barcode, sample-collection, srf, consignment, result'),
  unit: z.string().describe('what one unit of this work is: patients, fees, samples, results...'),
  offered: z.number().int(),
  completed: z.number().int().describe('units whose NIC record was stored by the end of the run'),
  notCompleted: z.number().int(),
  notCompletedShare: nullableNumber,
  notCompletedBy: z
    .object({ refused: z.number(), blocked: z.number(), invalid: z.number(), queued: z.number(), done: z.number() })
    .optional()
    .describe("the units not completed by the client's best answer: refused (a failure or no answer), blocked (never sent: an earlier step failed), invalid (outside the contract), queued (never delivered), done (claimed, never stored)"),
  text: z.string(),
});

export const harmSchema = z.object({
  journeys: z.array(harmJourneySchema),
  backlog: z
    .object({
      kind: z.string(),
      peak: z.number().int(),
      unit: z.string(),
      peakSimAt: z.number().describe('simulated ms of day of the peak'),
      drainedSimMs: nullableNumber.describe('simulated ms from the last fault end until the backlog was back to its level at the fault start; null when it never was'),
      text: z.string(),
    })
    .nullable(),
  summary: z.array(z.string()),
});

export const componentSchema = z.object({
  name: z.string(),
  weight: z.number(),
  value: nullableNumber.describe('0..1, null when not measured (its weight is then shared by the others)'),
  points: z.number().describe('contribution to the total, out of 100'),
  explanation: z.string(),
});

export const gateResultSchema = z.object({
  expr: z.string(),
  passed: z.boolean(),
  actual: z.union([z.number(), z.boolean(), z.null()]),
  message: z.string().optional(),
});

/** One check that the run measured what its plan said (src/scoring/validity/, docs/scoring.md "Run validity"). */
export const validityCheckSchema = z.object({
  name: z.enum(validityCheckNames).describe('stable: the JUnit testcase is `validity <name>`'),
  passed: z.boolean(),
  figure: nullableNumber.describe('what was measured, in `unit`; null when the run directory does not hold what the check reads'),
  bound: z.number().describe('the largest figure a valid run may have'),
  unit: z.string(),
  message: z.string(),
});

export const validitySchema = z.object({
  valid: z.boolean().describe('false when any check failed: the harness or the machine, not the client, is to blame'),
  checks: z.array(validityCheckSchema),
});

export const reportStatuses = ['passed', 'failed', 'invalid', 'error', 'interrupted'] as const;

export const reportSchema = z.object({
  schemaVersion: z.literal(1),
  status: z.enum(reportStatuses).describe('invalid: a validity check failed (the harness or the machine is to blame); no client score is a verdict'),
  generatedAt: z.string(),
  runId: z.string(),
  scenario: z.object({
    name: z.string(),
    title: z.string().optional(),
    description: z.string().optional().describe('the scenario\'s description (scenario.resolved.json)'),
    basedOn: z.array(z.string()).optional().describe('the real incidents and sources the scenario models'),
    fingerprint: z.string(),
    seed: z.union([z.number(), z.string()]),
  }),
  client: z.string().optional().describe('the client under test as the resolved scenario names it (command or URL)'),
  clientName: z.string().optional().describe('what reports call the client: `thap report --client-name`, else the scenario\'s `client.name`, else derived from the command or URL (`naive` for examples/naive/server.ts)'),
  versions: z.object({ thap: z.string(), scoring: z.string() }),
  run: z.object({
    status: z.enum(['completed', 'interrupted', 'error']),
    startedAt: z.number(),
    endedAt: z.number(),
    t0: z.number().optional(),
    error: z.string().optional(),
    /** run.json `client`: the health check before load and every exit of a client process thap started. */
    client: z
      .object({
        health: z.object({ url: z.string(), ok: z.boolean(), checkedAt: z.number().optional(), error: z.string().optional() }).optional(),
        exits: z.array(z.object({ at: z.number(), code: z.number().nullable(), signal: z.string().nullable(), region: z.string().optional() })),
      })
      .optional(),
  }),
  clock: clockSchema,
  settings: z.object({ sloMs: z.number(), holdWindowMs: z.number().describe('simulated ms'), epsilon: z.number(), bucketMs: z.number().describe('simulated ms'), bucketWallMs: z.number().describe('wall ms at clock.speed') }),
  samples: z.object({ rows: z.number().int(), httpRequests: z.number().int(), outcomes: z.number().int(), invalidAnswers: z.number().int().optional() }),
  phases: z.array(phaseSchema),
  faults: z.array(faultSchema),
  recovery: recoverySchema,
  integrity: integritySchema,
  nic: nicSchema,
  harm: harmSchema,
  timeline: timelineSchema,
  breakdown: breakdownSchema.optional().describe('per-step and per-endpoint tables and the error breakdown; absent in older reports'),
  score: z.object({
    version: z.string(),
    total: z.number().min(0).max(100).nullable().describe('null when the run is invalid, errored or interrupted: then no score is a verdict on the client (see `withheld`)'),
    withheld: z.string().optional().describe('why `total` is null'),
    disqualified: z.string().optional().describe('why `total` is 0 whatever the components earned: the client answered done with NIC ids NIC never issued (scoring 7.0.0)'),
    components: z.array(componentSchema),
  }),
  gates: z.array(gateResultSchema),
  validity: validitySchema.optional().describe('absent in reports older than the validity checks'),
  warnings: z.array(z.string()),
});

export type Report = z.infer<typeof reportSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type PhaseKind = z.infer<typeof phaseKindSchema>;
export type FaultRecord = z.infer<typeof faultSchema>;
export type Recovery = z.infer<typeof recoverySchema>;
export type Integrity = z.infer<typeof integritySchema>;
export type ServiceFindings = z.infer<typeof serviceFindingsSchema>;
export type NicMetrics = z.infer<typeof nicSchema>;
export type Timeline = z.infer<typeof timelineSchema>;
export type Breakdown = z.infer<typeof breakdownSchema>;
export type ScoreComponent = z.infer<typeof componentSchema>;
export type Clock = z.infer<typeof clockSchema>;
export type Harm = z.infer<typeof harmSchema>;
export type HarmJourney = z.infer<typeof harmJourneySchema>;
export type GateResult = z.infer<typeof gateResultSchema>;
export type ValidityCheck = z.infer<typeof validityCheckSchema>;
export type ValidityCheckName = (typeof validityCheckNames)[number];
export type Validity = z.infer<typeof validitySchema>;
export type ReportStatus = (typeof reportStatuses)[number];
