import type { Harm, Integrity, NicMetrics, Phase, Recovery, ScoreComponent } from '../reportSchema.ts';
import { scoringVersion } from '../version.ts';
import { keepableKindNames } from '../harm/journeyKinds.ts';
import { contractSteps, type StepName } from '../../contract/index.ts';
import { RECOVERY_SCORED_SIM_MS } from '../clock/index.ts';

/** Work abandoned: a kind's share of offered work never stored at NIC scores zero at one half (docs/scoring.md). */
const ABANDONED_ZERO_SHARE = 0.5;
/** traffic.md T5: a well-behaved client keeps its post-recovery peak at or below 2x the normal rate; a naive one bursts 10-20x. */
const PEAK_GOOD = 2;
const PEAK_BAD = 10;
/** Retry amplification: up to 1.5 attempts per logical request is a retry or two for a few; 5 is a retry storm (docs/scoring.md). */
const AMP_GOOD = 1.5;
const AMP_BAD = 5;
/**
 * A fault-phase p95 that earns no fail-fast points: 10 s, the limit of a user's attention on a waiting screen
 * (Nielsen's response-time limits, 0.1 s / 1 s / 10 s); the shipped scenarios gate `phase.fault.failFast < 5s`.
 */
const HUNG_MS = 10_000;

interface Inputs {
  baseline: Phase | undefined;
  fault: Phase | undefined;
  recovery: Recovery;
  integrity: Integrity;
  nic: NicMetrics;
  harm: Harm;
  /**
   * Of the writes the client answered done during the fault, the share NIC stored by the end of the run; null
   * when it answered none done. Absorb pays for a done answer only when NIC really has the record; a queued
   * answer is an honest promise, and whether it was kept is integrity's (undelivered).
   */
  deliveredShare: number | null;
}

/**
 * Score v3 (docs/scoring.md): six named components, each 0..1 with a weight; the total is
 * 100 x sum(weight x value) / sum(weight) over the components that could be measured.
 */
export function computeScore(inputs: Inputs): { version: string; total: number; disqualified?: string; components: ScoreComponent[] } {
  const parts = [absorb(inputs), abandoned(inputs), recover(inputs), integrity(inputs), failFast(inputs), amplification(inputs)];
  const measuredWeight = parts.reduce((sum, part) => sum + (part.value === null ? 0 : part.weight), 0);
  const components = parts.map((part) => ({
    ...part,
    points: part.value === null || measuredWeight === 0 ? 0 : round((100 * part.weight * part.value) / measuredWeight),
  }));
  const disqualified = disqualification(inputs.integrity);
  if (disqualified) return { version: scoringVersion, total: 0, disqualified, components };
  const total = measuredWeight === 0 ? 0 : round(components.reduce((sum, part) => sum + part.points, 0));
  return { version: scoringVersion, total: Math.min(100, Math.max(0, total)), components };
}

/**
 * A client that answers `done` with NIC ids NIC never issued has forged records in patients' files: its total
 * is 0 whatever its other components earned, so no lying client ranks above any honest one, however badly the
 * honest one coped (calibration on O1: the lying client 18.9 under 6.0.0, a retry storm that stored 2,586
 * duplicates 17.9). The components stay as measured, for the reader, not as a score.
 */
function disqualification({ falseClaims }: Integrity): string | undefined {
  if (!(falseClaims > 0)) return undefined;
  return `${falseClaims.toLocaleString('en-IN')} answer${falseClaims === 1 ? '' : 's'} claimed NIC ids NIC never issued (integrity.falseClaims): a forged record disqualifies the client, whatever else it did`;
}

type Part = Omit<ScoreComponent, 'points'>;

function absorb({ baseline, fault, deliveredShare }: Inputs): Part {
  const weight = 30;
  if (fault && fault.goodput !== null && baseline?.goodput === 0) {
    return { name: 'absorb', weight, value: 0, explanation: 'The client served no one even before the fault: none of its baseline answers was a success within the SLO that the client contract accepts.' };
  }
  if (!fault || fault.goodput === null || !baseline?.goodput) {
    return { name: 'absorb', weight, value: null, explanation: 'Not measured: the run had no fault phase with traffic, or no baseline goodput to compare with.' };
  }
  const overall = clamp01(fault.goodput / baseline.goodput);
  const worst = worstStep({ baseline, fault });
  const kept = worst && worst.ratio < overall ? clamp01(worst.ratio) : overall;
  const keptText = worst && worst.ratio < overall
    ? `During the fault the client kept ${pct(overall)} of its baseline goodput, but its ${worst.step} step only ${pct(kept)} of its baseline success: that desk stopped.`
    : `During the fault the client kept ${pct(overall)} of its baseline goodput (successful answers within the SLO per offered request).`;
  // An answer is only work done when NIC got the write: a client that claims success it never delivers earns nothing here.
  const delivered = deliveredShare ?? 1;
  const deliveredText = deliveredShare === null || deliveredShare === 1 ? '' : ` Of the writes it answered done meanwhile, only ${pct(delivered)} reached NIC; absorb counts only those.`;
  return { name: 'absorb', weight, value: clamp01(kept * delivered), explanation: keptText + deliveredText };
}

function abandoned({ harm }: Inputs): Part {
  const weight = 15;
  // Only work the client could have kept for NIC (keepableKindNames): a lost OTP or QR is the outage's, not the client's.
  const measured = harm.journeys.filter((journey) => journey.notCompletedShare !== null && keepableKindNames.has(journey.kind));
  if (measured.length === 0) return { name: 'abandoned', weight, value: null, explanation: 'Not measured: no journey work a client can queue (registrations, fees, lab and ICMR writes) was offered.' };
  const worst = measured.reduce((a, b) => ((b.notCompletedShare ?? 0) > (a.notCompletedShare ?? 0) ? b : a));
  const share = worst.notCompletedShare ?? 0;
  const value = clamp01(1 - share / ABANDONED_ZERO_SHARE);
  return { name: 'abandoned', weight, value, explanation: `By the end of the run ${worst.text} (${pct(share)} of the ${worst.offered.toLocaleString('en-IN')} ${worst.unit} offered), the kind of work left worst; full marks at none, none at ${pct(ABANDONED_ZERO_SHARE)}.` };
}

/** Fewest answers a step needs in baseline and in the fault for its own success ratio to count. */
const MIN_STEP_ANSWERS = 5;

/**
 * The journey step that fared worst in the fault against its own baseline (accepted = done or queued, over
 * all answers): an outage of one NIC endpoint (the consignment desk of outages.md O13, the barcode of O10)
 * stops one desk while the rest of the counter works, and a ratio over every request would hide it. Only
 * steps a client can keep for NIC are weighed, as `abandoned` weighs only their kinds: an OTP, a share token or
 * a QR payment cannot wait (docs/client-contract.md), so while its service is down no client completes one,
 * and the counter carries on without it (the fee recorded as cash-pending). Such a step still counts in the
 * fault's goodput, and its harm is told and gated by each scenario.
 */
function worstStep({ baseline, fault }: { baseline: Phase; fault: Phase }): { step: string; ratio: number } | undefined {
  let worst: { step: string; ratio: number } | undefined;
  for (const [step, during] of Object.entries(fault.steps ?? {})) {
    const before = baseline.steps?.[step];
    if (!before || contractSteps[step as StepName]?.queueable === false) continue;
    const answeredBefore = before.done + before.queued + before.failed;
    const answeredDuring = during.done + during.queued + during.failed;
    if (answeredBefore < MIN_STEP_ANSWERS || answeredDuring < MIN_STEP_ANSWERS) continue;
    const successBefore = (before.done + before.queued) / answeredBefore;
    if (successBefore === 0) continue;
    const ratio = (during.done + during.queued) / answeredDuring / successBefore;
    if (!worst || ratio < worst.ratio) worst = { step, ratio };
  }
  return worst;
}

function recover({ recovery }: Inputs): Part {
  const weight = 10;
  if (recovery.faultEnd === null) return { name: 'recover', weight, value: null, explanation: 'Not measured: no fault ended during the run.' };
  const faultEnd = recovery.faultEnd;
  if (!recovery.curve.some((point) => point.t >= faultEnd && point.q !== null)) {
    return { name: 'recover', weight, value: null, explanation: 'Not measured: no load was offered after the fault ended.' };
  }
  if (recovery.metastable === true) {
    return { name: 'recover', weight, value: 0, explanation: `Metastable: after the fault ended goodput stayed at ${pct(recovery.holdGoodputRatio ?? 0)} of baseline under the same load.` };
  }
  if (recovery.ttrMs === null) {
    return { name: 'recover', weight, value: 0, explanation: `Quality never held at ${pct(1 - recovery.epsilon)} of baseline for ${simMinutes(recovery.holdWindowMs)} after the fault ended.` };
  }
  const value = clamp01(1 - recovery.ttrMs / RECOVERY_SCORED_SIM_MS);
  return { name: 'recover', weight, value, explanation: `Recovered ${simMinutes(recovery.ttrMs)} after the fault ended (full marks at 0, none at ${simMinutes(RECOVERY_SCORED_SIM_MS)}).` };
}

function integrity({ integrity: i }: Inputs): Part {
  const weight = 25;
  if (i.accepted === 0) return { name: 'integrity', weight, value: null, explanation: 'Not measured: the client reported no accepted work (no thap_outcome done or queued).' };
  const { undelivered, falseClaims } = i;
  // Undelivered holds the lost (done, never stored) as well as the queued writes that never arrived.
  const bad = undelivered + i.extraRecords + falseClaims;
  const counts = `Of ${i.accepted} accepted records ${undelivered} never reached NIC (${i.lost} of them answered done), ${i.extraRecords} were stored again as duplicates and ${falseClaims} claimed with ids NIC never issued`;
  // A NIC id NIC never issued is a forged record in a patient's file, not a share of a large run: one is enough
  // to give integrity nothing, so a client that lies only through a short outage cannot outscore an honest one on
  // the volume of its honest hours (calibration: the lying client 79.0, the honest naive 63.4 on O13).
  if (falseClaims > 0) return { name: 'integrity', weight, value: 0, explanation: `${counts}: a single made-up id leaves this component nothing.` };
  const value = clamp01(1 - (10 * bad) / i.accepted);
  return { name: 'integrity', weight, value, explanation: `${counts}; each 1% of these costs 10% of this component.` };
}

function failFast({ baseline, fault }: Inputs): Part {
  const weight = 10;
  if (!fault || fault.p95Ms === null || !baseline?.p95Ms) return { name: 'fail-fast', weight, value: null, explanation: 'Not measured: no latency in the fault phase or in baseline.' };
  const bound = Math.max(2 * baseline.p95Ms, baseline.p95Ms + 100);
  const value = waitValue(fault.p95Ms, bound);
  return { name: 'fail-fast', weight, value, explanation: `During the fault the client answered with p95 ${ms(fault.p95Ms)}: full marks up to ${ms(bound)} (2x baseline p95, at least +100 ms), none from ${ms(HUNG_MS)}, on a log scale between.` };
}

/**
 * A wait's value on a log scale: 1 up to the fast bound, 0 from HUNG_MS. A clerk feels the ratio of waits, not
 * their difference: 150 ms and 300 ms are both a blink, 3 s and 6 s both a stall (docs/scoring.md).
 */
export function waitValue(p95Ms: number, fastBoundMs: number): number {
  if (p95Ms <= fastBoundMs) return 1;
  if (p95Ms >= HUNG_MS || fastBoundMs >= HUNG_MS) return 0;
  return clamp01(Math.log(HUNG_MS / p95Ms) / Math.log(HUNG_MS / fastBoundMs));
}

function amplification({ nic }: Inputs): Part {
  const weight = 10;
  if (!nic.measured) return { name: 'amplification', weight, value: null, explanation: 'Not measured: no upstream request log (upstream.ndjson).' };
  if (nic.retryAmplification === null) return { name: 'amplification', weight, value: null, explanation: 'Not measured: upstream.ndjson is there but holds no NIC request of the client to count attempts over (it sent NIC nothing).' };
  // The retries a fault provokes, counted over the requests attempted from the fault on (not diluted by calm hours).
  const attempts = nic.retryAmplificationFromFault ?? nic.retryAmplification;
  const ampValue = clamp01((AMP_BAD - attempts) / (AMP_BAD - AMP_GOOD));
  // The flush after recovery against the busiest demand's upstream rate, so a stampede's own load is not counted
  // as the client's flush (outages.md O6). Scoring always computes it (the schema keeps it optional for old reports).
  const peakOver = nic.peakOverDemand ?? null;
  const peakValue = peakOver === null ? 1 : clamp01((PEAK_BAD - peakOver) / (PEAK_BAD - PEAK_GOOD));
  const value = Math.min(ampValue, peakValue);
  const peakText = peakOver === null ? 'no post-recovery peak to compare' : `a post-recovery peak of ${peakOver.toFixed(1)}x the upstream rate of its busiest demand`;
  return { name: 'amplification', weight, value, explanation: `The client sent ${attempts.toFixed(2)} upstream attempts per logical request${nic.retryAmplificationFromFault != null ? ' from the fault on' : ''} and ${peakText}; full marks up to ${AMP_GOOD} and ${PEAK_GOOD}x, none from ${AMP_BAD} or ${PEAK_BAD}x.` };
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
function simMinutes(simMs: number): string {
  const minutes = simMs / 60_000;
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} simulated minute${minutes === 1 ? '' : 's'}`;
}
function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
