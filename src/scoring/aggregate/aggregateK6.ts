import { contractSteps, type StepName } from '../../contract/index.ts';
import { claimKey } from '../integrity/claimKey.ts';
import { ownString } from '../k6/ownString.ts';
import { tagValue } from '../k6/parseTags.ts';
import { streamK6Csv, type K6Columns } from '../k6/streamK6Csv.ts';
import type { HarmAccumulator } from '../harm/HarmAccumulator.ts';
import type { BreakdownAccumulator } from './BreakdownAccumulator.ts';
import type { PhaseWindow } from '../phases/buildPhaseWindows.ts';
import type { SeriesLoadAccumulator } from './SeriesLoadAccumulator.ts';
import { PhaseAccumulator } from './PhaseAccumulator.ts';
import type { TimelineAccumulator } from './TimelineAccumulator.ts';

/** The k6 metrics scoring reads; every other row is counted and skipped unsplit. */
const SCORED_METRICS: ReadonlySet<string> = new Set(['http_req_duration', 'dropped_iterations', 'thap_outcome', 'iteration_duration']);

export interface K6Aggregate {
  phases: PhaseAccumulator[];
  /** Correlation ids with a `done` outcome, and with only `queued` outcomes so far. */
  done: Set<string>;
  queued: Set<string>;
  /** For each done write with a claimed NIC id (metadata `nic`), that id's claimKey: for integrity's false claims. */
  claims: Map<string, number>;
  /**
   * For each done write with a claimed id NIC issues later, in its callback (metadata `nicLater`; the step's
   * `callbackLedgerId`, only onlinePayment's `utr`), that id's claimKey: a second Map so that only payments pay for it.
   */
  laterClaims: Map<string, number>;
  /** Time of the last thap_outcome sample (the load's last answer), or null when there is none. */
  lastOutcomeAt: number | null;
  /** Ids the client accepted (done or queued) while a fault was on: the backlog whose storing drain time waits for. */
  acceptedDuringFault: Set<string>;
  rows: number;
  httpRequests: number;
  outcomes: number;
  /** Answers outside the client contract (k6 outcome `invalid`: a 2xx that is not done/queued JSON). */
  invalidAnswers: number;
  /** Visits that reached at least one journey step (distinct k6 scenario and visit id of the outcome samples): the load k6 offered. */
  startedVisits: number;
  /** k6's dropped_iterations over the whole run. */
  droppedIterations: number;
}

/**
 * One streaming pass over k6.csv. A request (`http_req_duration` row) belongs to the phase and timeline
 * bucket of its START (sample time minus duration): the time it was offered. It is successful when k6 marked
 * it `expected_response=true` (2xx/3xx by default), or, without that column, when its status is 2xx/3xx.
 * Requests in k6's `::setup` and `::teardown` groups (the harness's own probes) are left out.
 * `dropped_iterations` rows count as offered but never sent. `thap_outcome` rows give each correlation id
 * (`metadata` entity) its client-side outcome: done, queued or failed, a done write the NIC ids it claims
 * (`metadata` nic and, for a payment, nicLater, each kept as a 31-bit key), and gives `harm` the work offered. `iteration_duration` rows mark
 * journeys started (by their start), the arrivals the timeline shows; `breakdown` gets every request and outcome.
 */
export async function aggregateK6({ file, windows, timeline, sloMs, optional = false, harm, breakdown, seriesLoad }: {
  file: string | readonly string[];
  windows: PhaseWindow[];
  timeline: TimelineAccumulator;
  sloMs: number;
  /** No k6.csv is no samples (a run that never started load, or one interrupted before k6 wrote anything), not an error. */
  optional?: boolean;
  harm?: HarmAccumulator;
  /** Per-step requests, errors and latency, and the client's errors by status and reason. */
  breakdown?: BreakdownAccumulator;
  /** Per k6 series and timeline bucket: requests, those over the SLO, dropped iterations (who dropped them). */
  seriesLoad?: SeriesLoadAccumulator;
}): Promise<K6Aggregate> {
  const faultWindow = windows.find((window) => window.name === 'fault');
  const acceptedDuringFault = new Set<string>();
  const phases = windows.map((window) => new PhaseAccumulator(window));
  const done = new Set<string>();
  const queued = new Set<string>();
  const claims = new Map<string, number>();
  const laterClaims = new Map<string, number>();
  let lastOutcomeAt: number | null = null;
  let httpRequests = 0;
  let outcomes = 0;
  let invalidAnswers = 0;
  let droppedIterations = 0;
  const visits = new Set<string>();
  const rows = await streamK6Csv({
    file,
    optional,
    metrics: SCORED_METRICS,
    onRow: (record, columns) => {
      const metric = record[columns.metric];
      // Requests k6 makes to thap itself (t0 beacon, slip store) are tagged `thap-*` and are not the client's.
      if (metric === 'http_req_duration' && columns.name !== -1 && record[columns.name]?.startsWith('thap-')) return;
      if (metric === 'http_req_duration') {
        // k6's setup and teardown stages (groups ::setup, ::teardown) are the harness's own requests, not load.
        if (columns.group !== -1 && record[columns.group]?.startsWith('::')) return;
        const durationMs = Number(record[columns.value]);
        const at = Number(record[columns.timestamp]) - durationMs;
        const expected = columns.expected === -1 ? undefined : record[columns.expected];
        const ok = expected === 'true' || ((expected === undefined || expected === '') && isOkStatus(record[columns.status]));
        const withinSlo = durationMs <= sloMs;
        httpRequests += 1;
        // Only runs with client regions tag their requests; without, extra_tags is empty and this costs nothing.
        const region = tagValue(record[columns.extraTags], 'region');
        for (const phase of phases) if (phase.contains(at)) phase.addRequest({ at, durationMs, ok, withinSlo, region });
        breakdown?.addRequest({ step: (columns.name === -1 ? undefined : record[columns.name]) || 'unnamed', ok, durationMs, status: Number(record[columns.status]) || 0, ...(columns.error === -1 ? {} : { error: record[columns.error] ?? '' }) });
        const bucket = timeline.bucketOf(at);
        if (bucket !== -1) {
          timeline.requests[bucket] = (timeline.requests[bucket] ?? 0) + 1;
          if (ok) timeline.successes[bucket] = (timeline.successes[bucket] ?? 0) + 1;
          if (ok && withinSlo) timeline.withinSlo[bucket] = (timeline.withinSlo[bucket] ?? 0) + 1;
          timeline.latency[bucket]?.add(durationMs);
          seriesLoad?.addRequest(seriesOf(record, columns), bucket, withinSlo);
        }
      } else if (metric === 'dropped_iterations') {
        const at = Number(record[columns.timestamp]);
        const count = Number(record[columns.value]) || 1;
        droppedIterations += count;
        for (const phase of phases) if (phase.contains(at)) phase.dropped += count;
        const bucket = timeline.bucketOf(at);
        if (bucket !== -1) {
          timeline.dropped[bucket] = (timeline.dropped[bucket] ?? 0) + count;
          seriesLoad?.addDropped(seriesOf(record, columns), bucket, count);
        }
      } else if (metric === 'iteration_duration') {
        // One journey (visit) started at the sample's time minus its duration; setup and teardown are the harness's.
        if (columns.group !== -1 && record[columns.group]?.startsWith('::')) return;
        const bucket = timeline.bucketOf(Number(record[columns.timestamp]) - Number(record[columns.value]));
        if (bucket !== -1) timeline.started[bucket] = (timeline.started[bucket] ?? 0) + 1;
      } else if (metric === 'thap_outcome') {
        if (tagValue(record[columns.extraTags], 'outcome') === 'invalid') {
          invalidAnswers += 1;
          // The request behind it counted as a success in its bucket (HTTP 2xx): it served nobody, so Q(t) drops it.
          timeline.uncountSuccess(timeline.bucketOf(Number(record[columns.timestamp])));
        }
        outcomes += 1;
        const outcome = tagValue(record[columns.extraTags], 'outcome');
        const tagged = tagValue(record[columns.metadata], 'entity');
        const entity = tagged === undefined ? undefined : ownString(tagged);
        const at = Number(record[columns.timestamp]);
        if (lastOutcomeAt === null || at > lastOutcomeAt) lastOutcomeAt = at;
        const step = tagValue(record[columns.extraTags], 'step');
        const region = tagValue(record[columns.extraTags], 'region');
        for (const phase of phases) if (phase.contains(at)) phase.addOutcome(step, outcome, region);
        if (step !== undefined) breakdown?.addOutcome(step, outcome);
        // A visit is one k6 iteration of one series (k6 scenario): the same patient has a registration and a lab visit.
        if (entity !== undefined) visits.add(`${seriesOf(record, columns)}|${visitOf(entity, step)}`);
        // Only writes are reconciled against NIC's ledger; reads (fetchReport, token) never reach it.
        if (entity === undefined || !isWriteStep(step)) return;
        harm?.addOffered({ id: entity, step, at, outcome });
        if ((outcome === 'done' || outcome === 'queued') && faultWindow && at >= faultWindow.start && at < faultWindow.end) acceptedDuringFault.add(entity);
        if (outcome === 'done') {
          done.add(entity);
          queued.delete(entity);
          const nic = tagValue(record[columns.metadata], 'nic');
          if (nic !== undefined) claims.set(entity, claimKey(nic));
          const nicLater = tagValue(record[columns.metadata], 'nicLater');
          if (nicLater !== undefined) laterClaims.set(entity, claimKey(nicLater));
        } else if (outcome === 'queued' && !done.has(entity)) queued.add(entity);
      }
    },
  });
  return { phases, done, queued, claims, laterClaims, lastOutcomeAt, acceptedDuringFault, rows, httpRequests, outcomes, invalidAnswers, startedVisits: visits.size, droppedIterations };
}

/** The k6 series (scenario) of a row; '' when the CSV has no scenario column. */
function seriesOf(record: string[], columns: K6Columns): string {
  return columns.scenario === -1 ? '' : (record[columns.scenario] ?? '');
}

/** The visit of a correlation id `<visit>.<step>` (src/load/k6Script.ts); an id without the step suffix is its own visit. */
function visitOf(entity: string, step: string | undefined): string {
  return step !== undefined && entity.endsWith(`.${step}`) ? entity.slice(0, -step.length - 1) : entity;
}

function isOkStatus(status: string | undefined): boolean {
  const code = Number(status);
  return code >= 200 && code < 400;
}

/** A step of the client contract that writes to NIC; unknown steps (other tools' scripts) count as writes. */
function isWriteStep(step: string | undefined): boolean {
  if (step === undefined || !(step in contractSteps)) return true;
  return contractSteps[step as StepName].write;
}
