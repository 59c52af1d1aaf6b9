import { harmKindNames } from '../harm/journeyKinds.ts';
import type { Report } from '../reportSchema.ts';

/** How a metric's numbers read: durations need a unit; ratios take 0..1 or %; counts and plain numbers take none. */
export type MetricKind = 'duration' | 'ratio' | 'count' | 'number' | 'boolean';

export interface GateMetric {
  kind: MetricKind;
  description: string;
  /** The value in the metric's base unit (milliseconds for durations, 0..1 for ratios, 0/1 for booleans). */
  read: (report: Report) => number | boolean | null;
}

/**
 * `whenNoneFailed`: the value of a metric over the unsuccessful answers in a phase that had requests and not one
 * unsuccessful answer. A client that refused nothing kept no one waiting for a refusal, so `failFast` is 0 there,
 * not "no value" (which fails its gate).
 */
const PHASE_METRICS: Record<string, { kind: MetricKind; description: string; field: 'availability' | 'goodput' | 'p50Ms' | 'p95Ms' | 'p99Ms' | 'failFastMs' | 'latencyInflation' | 'requests' | 'goodputPerSec'; whenNoneFailed?: number }> = {
  availability: { kind: 'ratio', description: 'successful answers / requests', field: 'availability' },
  goodput: { kind: 'ratio', description: 'successes within the SLO / offered', field: 'goodput' },
  goodputPerSec: { kind: 'number', description: 'successes within the SLO per second', field: 'goodputPerSec' },
  p50: { kind: 'duration', description: 'median latency', field: 'p50Ms' },
  p95: { kind: 'duration', description: '95th percentile latency', field: 'p95Ms' },
  p99: { kind: 'duration', description: '99th percentile latency', field: 'p99Ms' },
  failFast: { kind: 'duration', description: 'p95 latency of unsuccessful answers (0 when none failed)', field: 'failFastMs', whenNoneFailed: 0 },
  latencyInflation: { kind: 'number', description: 'p95 over baseline p95', field: 'latencyInflation' },
  requests: { kind: 'count', description: 'requests started', field: 'requests' },
};

const FIXED: Record<string, GateMetric> = {
  score: { kind: 'number', description: 'resilience score 0..100', read: (r) => r.score.total },
  'client.healthy': { kind: 'boolean', description: "the client answered thap's health check before load (1 = yes; runs that did not record it count as yes)", read: (r) => r.run.client?.health?.ok ?? true },
  'client.exits': { kind: 'count', description: 'exits of a client process thap started, before the run finished', read: (r) => r.run.client?.exits.length ?? 0 },
  'client.invalidAnswers': { kind: 'count', description: 'answers outside the client contract (garbage)', read: (r) => r.samples.invalidAnswers ?? 0 },
  'integrity.accepted': { kind: 'count', description: 'records the client accepted', read: (r) => r.integrity.accepted },
  'integrity.stored': { kind: 'count', description: 'accepted records stored by NIC', read: (r) => r.integrity.stored },
  'integrity.lost': { kind: 'count', description: 'records answered done but never stored', read: (r) => r.integrity.lost },
  'integrity.duplicated': { kind: 'count', description: 'business entities stored twice or more', read: (r) => r.integrity.duplicated },
  'integrity.pending': { kind: 'count', description: 'queued records not stored by the end', read: (r) => r.integrity.pending },
  'integrity.undelivered': { kind: 'count', description: 'accepted records not stored by the drain deadline', read: (r) => r.integrity.undelivered },
  'integrity.falseClaims': { kind: 'count', description: 'done answers naming a NIC id NIC never issued for them', read: (r) => r.integrity.falseClaims },
  'integrity.callbacksNeverReceived': { kind: 'count', description: 'ABDM share tokens that never reached the client', read: (r) => r.integrity.services?.callbacksNeverReceived ?? 0 },
  'integrity.paymentsCapturedTwice': { kind: 'count', description: 'payment orders captured more than once', read: (r) => r.integrity.services?.paymentsCapturedTwice ?? 0 },
  'integrity.otpVerifiedAfterExpiry': { kind: 'count', description: 'mobiles called verified after NIC refused the OTP as expired', read: (r) => r.integrity.services?.otpVerifiedAfterExpiry ?? 0 },
  'integrity.unclaimed': { kind: 'count', description: 'stored records the client never claimed', read: (r) => r.integrity.unclaimed },
  'recovery.ttr': { kind: 'duration', description: 'time to recover', read: (r) => r.recovery.ttrMs },
  'recovery.ttd': { kind: 'duration', description: 'time to detect', read: (r) => r.recovery.ttdMs },
  'recovery.resilienceLoss': { kind: 'number', description: 'area under 100 - Q(t), percent-seconds', read: (r) => r.recovery.resilienceLoss },
  'recovery.metastable': { kind: 'boolean', description: 'goodput still low after the fault (1 = yes)', read: (r) => r.recovery.metastable },
  'nic.retryAmplification': { kind: 'number', description: 'upstream attempts per logical request', read: (r) => r.nic.retryAmplification },
  'nic.retryAmplificationFromFault': { kind: 'number', description: 'upstream attempts per logical request, from the first fault on', read: (r) => r.nic.retryAmplificationFromFault ?? null },
  'nic.peakOverCapacity': { kind: 'number', description: 'post-recovery upstream peak over capacity', read: (r) => r.nic.peakOverCapacity },
  'nic.peakOverBaseline': { kind: 'number', description: 'post-recovery upstream peak over baseline rate', read: (r) => r.nic.peakOverBaseline },
  'nic.peakOverDemand': { kind: 'number', description: "post-recovery upstream peak over the upstream rate of the run's busiest demand", read: (r) => r.nic.peakOverDemand ?? null },
  'nic.drainTime': { kind: 'duration', description: 'fault end until the last accepted record was stored', read: (r) => r.nic.drainTimeMs },
  'nic.retryAfterHonoured': { kind: 'ratio', description: 'share of 503/429 Retry-After waits honoured', read: (r) => r.nic.retryAfter.ratio },
};

/**
 * Per journey kind (report `harm.journeys`): `harm.<kind>.notCompleted` and `.notCompletedShare`. A kind with
 * no work offered has none abandoned: absent, or present with no units (a consignment whose batch of SRFs
 * lies before the run's window carries no samples of this run).
 */
const HARM_METRICS: Record<string, { kind: MetricKind; description: string; read: (journey: Report['harm']['journeys'][number] | undefined) => number | null }> = {
  notCompleted: { kind: 'count', description: 'units offered and never stored at NIC by the end of the run', read: (journey) => journey?.notCompleted ?? 0 },
  notCompletedShare: { kind: 'ratio', description: 'share of the units offered never stored at NIC by the end of the run', read: (journey) => journey?.notCompletedShare ?? 0 },
};

function findHarmMetric(parts: string[]): GateMetric | undefined {
  if (parts.length !== 3) return undefined;
  const [, kind = '', metricName = ''] = parts;
  const metric = HARM_METRICS[metricName];
  if (!metric || !harmKindNames.includes(kind)) return undefined;
  return { kind: metric.kind, description: `${metric.description} (${kind})`, read: (report) => metric.read(report.harm.journeys.find((journey) => journey.kind === kind)) };
}

const PHASE_NAME = /^(baseline|fault|recovery|hold|fault-[\w-]+)$/;

/** Per client region (report phases' `regions`): `region.<name>.phase.<phase>.<metric>` (outages.md O8). */
const REGION_METRICS: Record<string, { kind: MetricKind; description: string; read: (counts: NonNullable<Report['phases'][number]['regions']>[string]) => number | null }> = {
  availability: { kind: 'ratio', description: 'successful answers / requests', read: (counts) => counts.availability },
  requests: { kind: 'count', description: 'requests started', read: (counts) => counts.requests },
  done: { kind: 'count', description: 'answers done', read: (counts) => counts.outcomes.done },
  queued: { kind: 'count', description: 'answers queued', read: (counts) => counts.outcomes.queued },
  failed: { kind: 'count', description: 'answers failed', read: (counts) => counts.outcomes.failed },
};

const REGION_NAME = /^[a-z][a-z0-9-]*$/;

function findRegionMetric(parts: string[]): GateMetric | undefined {
  if (parts.length !== 5 || parts[0] !== 'region' || parts[2] !== 'phase') return undefined;
  const [, region = '', , phaseName = '', metricName = ''] = parts;
  const metric = REGION_METRICS[metricName];
  if (!metric || !REGION_NAME.test(region) || !PHASE_NAME.test(phaseName)) return undefined;
  return {
    kind: metric.kind,
    description: `${metric.description} in phase ${phaseName} of region ${region}`,
    read: (report) => {
      const counts = report.phases.find((phase) => phase.name === phaseName)?.regions?.[region];
      return counts ? metric.read(counts) : null;
    },
  };
}

/** Finds a metric by its gate name (`score`, `integrity.lost`, `phase.<name>.<metric>`, ...); undefined when unknown. */
export function findGateMetric(name: string): GateMetric | undefined {
  const fixed = FIXED[name];
  if (fixed) return fixed;
  const parts = name.split('.');
  if (parts[0] === 'region') return findRegionMetric(parts);
  if (parts[0] === 'harm') return findHarmMetric(parts);
  if (parts.length !== 3 || parts[0] !== 'phase') return undefined;
  const [, phaseName = '', metricName = ''] = parts;
  const metric = PHASE_METRICS[metricName];
  if (!metric || !PHASE_NAME.test(phaseName)) return undefined;
  return {
    kind: metric.kind,
    description: `${metric.description} in phase ${phaseName}`,
    read: (report) => {
      const phase = report.phases.find((found) => found.name === phaseName);
      if (!phase) return null;
      const noneFailed = phase.requests > 0 && phase.failFastMs === null;
      return phase[metric.field] ?? (noneFailed ? (metric.whenNoneFailed ?? null) : null);
    },
  };
}

/** Every metric a gate may name, for error messages and docs. */
export function knownGateMetrics(): string[] {
  return [
    ...Object.keys(FIXED),
    ...Object.keys(PHASE_METRICS).map((metric) => `phase.<baseline|fault|recovery|hold|fault-ID>.${metric}`),
    ...Object.keys(REGION_METRICS).map((metric) => `region.<region>.phase.<phase>.${metric}`),
    ...Object.keys(HARM_METRICS).map((metric) => `harm.<${harmKindNames.join('|')}>.${metric}`),
  ];
}
