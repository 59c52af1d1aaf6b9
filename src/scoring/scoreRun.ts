import { thapVersion } from '../core/index.ts';
import { aggregateK6 } from './aggregate/aggregateK6.ts';
import { chooseBucketSimMs, TimelineAccumulator } from './aggregate/TimelineAccumulator.ts';
import { toPhase } from './aggregate/toPhase.ts';
import { BreakdownAccumulator } from './aggregate/BreakdownAccumulator.ts';
import { backlogSeries } from './aggregate/backlogSeries.ts';
import { segmented, simAt, simSpan, timelineBuckets, type IncidentClock } from './clock/incidentClock.ts';
import { faultsOffClientSpeed } from './clock/index.ts';
import { evaluateGates } from './gates/evaluateGates.ts';
import { withEveryRunGates } from './gates/everyRunGates.ts';
import { computeHarm } from './harm/computeHarm.ts';
import { HarmAccumulator } from './harm/HarmAccumulator.ts';
import { readBatchSizes } from './harm/readBatchSizes.ts';
import { k6CsvFiles } from './k6/k6CsvFiles.ts';
import { computeIntegrity } from './integrity/computeIntegrity.ts';
import { drainDeadline } from './integrity/drainDeadline.ts';
import { computeNicMetrics } from './nic/computeNicMetrics.ts';
import { readUpstream } from './nic/readUpstream.ts';
import { buildPhaseWindows } from './phases/buildPhaseWindows.ts';
import { computeRecovery } from './recovery/computeRecovery.ts';
import type { Phase, Report, Timeline, Validity } from './reportSchema.ts';
import { readFaults, type LoggedFault } from './runFiles/readFaults.ts';
import { readRunInfo } from './runFiles/readRunInfo.ts';
import { computeScore } from './score/computeScore.ts';
import { droppedWhileClientSlow } from './validity/droppedWhileClientSlow.ts';
import { failedCheckLines } from './validity/failedCheckLines.ts';
import { SeriesLoadAccumulator } from './aggregate/SeriesLoadAccumulator.ts';
import { drainTail } from './validity/drainTail.ts';
import { evaluateValidity } from './validity/evaluateValidity.ts';
import { readValidityInputs } from './validity/readValidityInputs.ts';
import { FaultTargetCounter, faultTargetsOf } from './validity/FaultTargetCounter.ts';
import { reportSchemaVersion, scoringVersion } from './version.ts';
import type { TimelineAccumulator as Acc } from './aggregate/TimelineAccumulator.ts';

/** Latency SLO for goodput when the plan gives none (`plan.scoring.sloMs`): an assumption, docs/scoring.md. */
export const DEFAULT_SLO_MS = 2000;
/**
 * Hold window W (SIMULATED ms) and tolerance epsilon for time to recover, unless the plan sets them. Five
 * simulated minutes: at KGMU's peak (traffic.md T1, ~0.5 registrations/s) about 150 patients in a row served
 * at normal quality, and five one-minute buckets (docs/scoring.md "Incident time").
 */
export const DEFAULT_HOLD_WINDOW_MS = 5 * 60_000;
export const DEFAULT_EPSILON = 0.1;

/**
 * Scores one run from its directory's files alone (docs/run-directory.md): streams k6.csv (or every k6-<i>.csv, one per k6 process) once, reads the
 * fault log, ledger and upstream log, and returns report.json's content. Gates come from plan.json unless
 * `gates` is given. Does not write anything (see writeReport).
 */
export interface ScoreRunOptions {
  runDir: string;
  gates?: string[];
  now?: () => Date;
  /**
   * The per-step and per-endpoint tables and the error breakdown (report.json `breakdown`), default true. A
   * caller that renders none of them (thap compare) leaves them out: they cost a second pass's worth of
   * bookkeeping over every request (bench entry `scoring`).
   */
  breakdown?: boolean;
}

export async function scoreRun({ runDir, gates, now = () => new Date(), breakdown: withBreakdown = true }: ScoreRunOptions): Promise<Report> {
  const info = await readRunInfo({ runDir });
  const faults = await readFaults({ runDir });
  const { facts } = info;
  const start = info.t0 !== undefined && info.t0 >= info.startedAt && info.t0 < info.endedAt ? info.t0 : info.startedAt;
  const end = Math.max(info.endedAt, start + 1);
  const clock: IncidentClock = { speed: info.clock.speed, t0: start, simStartMs: info.clock.simStartMs, ...(info.clock.date !== undefined ? { date: info.clock.date } : {}), ...(info.clock.segments ? { segments: info.clock.segments } : {}) };
  const sloMs = info.scoring.sloMs ?? DEFAULT_SLO_MS;
  const holdWindowMs = info.scoring.holdWindowMs ?? DEFAULT_HOLD_WINDOW_MS;
  const epsilon = info.scoring.epsilon ?? DEFAULT_EPSILON;
  // The plan offers load from t0 for its wall duration; after that the run records only answers still in flight.
  const loadEnd = info.loadWallMs !== undefined ? Math.min(end, start + info.loadWallMs) : end;
  const windows = buildPhaseWindows({ start, end, loadEnd, faults });
  const validityInputs = await readValidityInputs({ runDir, info, clock });
  const bucketSimMs = chooseBucketSimMs(simSpan(clock, start, end));
  const timeline = new TimelineAccumulator(start, end, timelineBuckets(clock, start, end, bucketSimMs));
  const batchSizes = await readBatchSizes({ runDir });
  const harmAcc = new HarmAccumulator(timeline, (id) => batchSizes.get(id) ?? 1);
  const breakdown = withBreakdown ? new BreakdownAccumulator() : undefined;
  const seriesLoad = new SeriesLoadAccumulator(timeline.size);
  // No k6.csv is then the run's record, not a broken directory: a client that failed its health check got no
  // load; a run that did not complete (interrupted, killed, failed) may have ended before k6 wrote anything.
  const k6 = await aggregateK6({ file: await k6CsvFiles({ runDir }), windows, timeline, sloMs, optional: info.clientHealth?.ok === false || info.status !== 'completed', harm: harmAcc, breakdown, seriesLoad });
  const faultTargets = new FaultTargetCounter(faultTargetsOf({ faults, scopes: info.faultScopes, end }));
  const upstream = await readUpstream({ runDir, timeline, faultStart: windows.find((window) => window.kind === 'fault')?.start ?? null, breakdown, faultTargets });
  // Writes answered done during the fault, before integrity consumes the done set: absorb pays only for those NIC got.
  const doneDuringFault = [...k6.acceptedDuringFault].filter((id) => k6.done.has(id));
  const deadline = drainDeadline({ drain: info.drain, clock, loadEndAt: k6.lastOutcomeAt });
  const tail = deadline ? drainTail({ clock, loadEnd, deadlineAt: deadline.at }) : undefined;
  const { integrity, lastStoredAt, deliveredInTail } = await computeIntegrity({ runDir, done: k6.done, queued: k6.queued, backlog: k6.acceptedDuringFault, claims: k6.claims, laterClaims: k6.laterClaims, deadline, ...(tail ? { tailFrom: tail.from } : {}) });

  const [loadFrom, loadTo] = loadSpan(timeline);
  const baselineAcc = k6.phases.find((phase) => phase.window.kind === 'baseline');
  const baselineP95 = baselineAcc?.latency.quantile(0.95) ?? null;
  const phases: Phase[] = k6.phases.map((acc) => toPhase({ acc, clock, baselineP95, loadFrom, loadTo }));
  const byName = (name: string): Phase | undefined => phases.find((phase) => phase.name === name);
  const faultPhase = byName('fault');
  const recovery = computeRecovery({
    timeline,
    clock,
    faultStart: faultPhase?.start ?? null,
    faultEnd: faultPhase?.end ?? null,
    outages: windows.filter((window) => window.kind === 'fault' && window.faultIds.length === 1),
    baseline: byName('baseline'),
    hold: byName('hold'),
    holdWindowMs,
    epsilon,
    loadEnd,
  });
  const harm = await computeHarm({ runDir, harm: harmAcc, timeline, clock, faultStart: faultPhase?.start ?? null, faultEnd: faultPhase?.end ?? null });
  const deliveredShare = doneDuringFault.length > 0 ? doneDuringFault.filter((id) => !harmAcc.isOpen(id)).length / doneDuringFault.length : null;
  const nic = computeNicMetrics({ upstream, timeline, clock, baseline: byName('baseline'), faultEnd: faultPhase?.end ?? null, lastStoredAt, capacityPerSec: info.capacityPerSec });
  const score = computeScore({ baseline: byName('baseline'), fault: faultPhase, recovery, integrity, nic, harm, deliveredShare });
  const validity = evaluateValidity({ inputs: validityInputs, run: { faults, faultTargets, phases, startedVisits: k6.startedVisits, droppedIterations: k6.droppedIterations, droppedByClient: droppedWhileClientSlow({ series: seriesLoad }), ...(tail ? { drain: { undelivered: integrity.undelivered, deliveredInTail, tail, ...(info.clientPendingAtDrainEnd !== undefined ? { clientPending: info.clientPendingAtDrainEnd } : {}) } } : {}), start, end } });
  const warnings = collectWarnings({ unhealthyClient: info.clientHealth?.ok === false ? info.clientHealth : undefined, k6Rows: k6.rows, httpRequests: k6.httpRequests, outcomes: k6.outcomes, faultsWithoutRemove: faults.filter((f) => f.appliedAt !== null && f.removedAt === null).map((f) => f.faultId), holdWindowMs, offClientSpeed: faultsOffClientSpeedIn({ clock, faults, end }), recoveryMs: faultPhase ? simSpan(clock, faultPhase.end, Math.max(faultPhase.end, loadEnd)) : null });

  const report: Report = {
    schemaVersion: reportSchemaVersion,
    status: 'passed',
    generatedAt: now().toISOString(),
    runId: info.runId,
    scenario: { name: info.scenarioName, ...(info.scenarioTitle ? { title: info.scenarioTitle } : {}), ...(facts.description ? { description: facts.description } : {}), ...(facts.basedOn ? { basedOn: facts.basedOn } : {}), fingerprint: info.fingerprint, seed: info.seed },
    ...(info.client !== undefined ? { client: info.client } : {}),
    ...(facts.clientName !== undefined ? { clientName: facts.clientName } : {}),
    versions: { thap: thapVersion, scoring: scoringVersion },
    run: {
      status: info.status,
      startedAt: info.startedAt,
      endedAt: info.endedAt,
      ...(info.t0 !== undefined ? { t0: info.t0 } : {}),
      ...(info.error ? { error: info.error } : {}),
      ...(info.clientHealth || info.clientExits.length > 0 ? { client: { ...(info.clientHealth ? { health: info.clientHealth } : {}), exits: info.clientExits } } : {}),
    },
    clock,
    settings: { sloMs, holdWindowMs, epsilon, bucketMs: bucketSimMs, bucketWallMs: bucketSimMs / clock.speed },
    samples: { rows: k6.rows, httpRequests: k6.httpRequests, outcomes: k6.outcomes, invalidAnswers: k6.invalidAnswers },
    phases,
    faults: faults.map((fault) => ({ ...fault, simAppliedAt: fault.appliedAt === null ? null : simAt(clock, fault.appliedAt), simRemovedAt: fault.removedAt === null ? null : simAt(clock, fault.removedAt) })),
    recovery,
    integrity,
    nic,
    harm,
    timeline: { ...toTimeline(timeline, clock, bucketSimMs), backlog: backlogSeries(harmAcc) },
    ...(breakdown ? { breakdown: breakdown.toBreakdown() } : {}),
    score,
    gates: [],
    validity,
    warnings,
  };
  // A client that is unhealthy, crashes, answers outside the contract, lies, loses or drops work cannot pass, whatever the scenario's gates say.
  report.gates = evaluateGates({ report, exprs: withEveryRunGates(gates ?? info.gates) });
  if (k6.invalidAnswers > 0) report.warnings.push(`the client answered ${k6.invalidAnswers} of ${k6.outcomes} journey requests outside the contract (a 2xx that is not done/queued JSON): counted as failed (docs/client-contract.md)`);
  report.status = statusOf({ runStatus: info.status, valid: validity.valid, gatesPassed: report.gates.every((gate) => gate.passed) });
  const withheld = withheldBecause({ status: report.status, validity, error: info.error });
  if (withheld !== undefined) report.score = { ...report.score, total: null, withheld };
  return report;
}

/** The report status: the harness's own ending first (interrupted, error), then the run's validity, then the gates. */
export function statusOf({ runStatus, valid, gatesPassed }: { runStatus: 'completed' | 'interrupted' | 'error'; valid: boolean; gatesPassed: boolean }): Report['status'] {
  if (runStatus === 'interrupted') return 'interrupted';
  if (runStatus === 'error') return 'error';
  if (!valid) return 'invalid';
  return gatesPassed ? 'passed' : 'failed';
}

/**
 * Why a run's score is no verdict on the client: an invalid or errored run (the harness or the machine is to
 * blame), or an interrupted one (it measured part of the incident: stopped in its baseline, it would score 100);
 * undefined when it is one.
 */
function withheldBecause({ status, validity, error }: { status: Report['status']; validity: Validity; error?: string }): string | undefined {
  if (status === 'interrupted') return 'the run was interrupted before its scenario ended: it measured part of the incident';
  if (status === 'invalid') return `invalid run: ${failedCheckLines(validity.checks).join('; ')}`;
  if (status === 'error') return `the run ended in a harness error${error ? ` (${error})` : ''}`;
  return undefined;
}

function loadSpan(timeline: Acc): [number, number] {
  let first = -1;
  let last = -1;
  for (let index = 0; index < timeline.size; index += 1) {
    if ((timeline.requests[index] ?? 0) + (timeline.dropped[index] ?? 0) === 0) continue;
    if (first === -1) first = index;
    last = index;
  }
  if (first === -1) return [timeline.start, timeline.end];
  return [timeline.bucketStart(first), Math.min(timeline.end, timeline.bucketEnd(last))];
}

function toTimeline(timeline: Acc, clock: IncidentClock, bucketSimMs: number): Timeline {
  const t: number[] = [];
  const tSim: number[] = [];
  const offered: number[] = [];
  const achieved: number[] = [];
  const errorRate: Array<number | null> = [];
  const p50Ms: Array<number | null> = [];
  const p95Ms: Array<number | null> = [];
  const p99Ms: Array<number | null> = [];
  const upstream: number[] = [];
  const arrivals: number[] = [];
  const nicQueue: number[] = [];
  for (let index = 0; index < timeline.size; index += 1) {
    const requests = timeline.requests[index] ?? 0;
    const latency = timeline.latency[index];
    // Rates per wall second of this bucket: on a segmented clock a bucket in a faster segment is shorter.
    const wallMs = timeline.bucketWallMs(index);
    const sec = wallMs / 1000;
    t.push(timeline.bucketStart(index));
    tSim.push(simAt(clock, timeline.bucketStart(index)));
    offered.push((requests + (timeline.dropped[index] ?? 0)) / sec);
    achieved.push(requests / sec);
    errorRate.push(requests > 0 ? 1 - (timeline.successes[index] ?? 0) / requests : null);
    p50Ms.push(latency?.quantile(0.5) ?? null);
    p95Ms.push(latency?.quantile(0.95) ?? null);
    p99Ms.push(latency?.quantile(0.99) ?? null);
    upstream.push((timeline.upstream[index] ?? 0) / sec);
    const simMinutes = simSpan(clock, timeline.bucketStart(index), timeline.bucketEnd(index)) / 60_000;
    arrivals.push(((timeline.started[index] ?? 0) + (timeline.dropped[index] ?? 0)) / simMinutes);
    // Requests waiting in NIC's queues, on average over the bucket (Little's law: waiting time / bucket time).
    nicQueue.push(Math.round(((timeline.nicQueuedMs[index] ?? 0) / wallMs) * 100) / 100);
  }
  return { bucketMs: bucketSimMs, bucketWallMs: bucketSimMs / clock.speed, start: timeline.start, t, tSim, offered, achieved, errorRate, p50Ms, p95Ms, p99Ms, upstream, arrivals, nicQueue };
}

/**
 * The run's faults whose scored recovery ran at a speed other than the client's (faultsOffClientSpeed), each read
 * where the scenario placed it: its logged instants less their drift, to the simulated minute (the resolution
 * recovery is timed at), so that a remove a few ms late is not read as the fault's design.
 */
function faultsOffClientSpeedIn({ clock, faults, end }: { clock: IncidentClock; faults: readonly LoggedFault[]; end: number }): string[] {
  const toMinute = (wall: number) => Math.round(simAt(clock, wall) / 60_000) * 60_000;
  const windows = faults.flatMap((fault) => (fault.appliedAt === null ? [] : [{ id: fault.faultId, startSim: toMinute(fault.appliedAt - (fault.applyDriftMs ?? 0)), endSim: toMinute(fault.removedAt === null ? end : fault.removedAt - (fault.removeDriftMs ?? 0)) }]));
  return faultsOffClientSpeed({ clock: segmented(clock), faults: windows });
}

function collectWarnings({ unhealthyClient, k6Rows, httpRequests, outcomes, faultsWithoutRemove, offClientSpeed, holdWindowMs, recoveryMs }: { unhealthyClient?: { url: string; error?: string }; k6Rows: number; httpRequests: number; outcomes: number; faultsWithoutRemove: string[]; offClientSpeed: string[]; holdWindowMs: number; recoveryMs: number | null }): string[] {
  const warnings: string[] = [];
  if (unhealthyClient) warnings.push(`no load was sent: the client failed its health check at ${unhealthyClient.url} (${unhealthyClient.error ?? 'no answer'})`);
  else if (k6Rows === 0) warnings.push('k6.csv has no samples: nothing to score (see k6.log)');
  else if (httpRequests === 0) warnings.push('k6.csv has no http_req_duration samples: availability and latency are unknown');
  if (k6Rows > 0 && outcomes === 0) warnings.push('k6.csv has no thap_outcome samples: integrity cannot say what the client accepted');
  if (faultsWithoutRemove.length > 0) warnings.push(`faults applied without a logged remove (treated as lasting to the run's end): ${faultsWithoutRemove.join(', ')}`);
  warnings.push(...offClientSpeed);
  if (recoveryMs !== null && recoveryMs < holdWindowMs) warnings.push(`the load after the last fault (${Math.round(recoveryMs / 60_000)} simulated minutes) is shorter than the hold window (${holdWindowMs / 60_000} simulated minutes): time to recover cannot be measured`);
  return warnings;
}
