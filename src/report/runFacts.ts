import type { Report } from '../scoring/index.ts';
import { simMsOf } from '../scoring/index.ts';
import { fmtSimSpan, fmtSimTime } from './format.ts';
import { clientTitle, validityText, verdictText } from './verdict.ts';

/** One fact a report opens with: what a procurement officer reads before any chart. */
export interface RunFact {
  label: string;
  value: string;
  /** Several values, one a line (the scenario's sources). */
  list?: string[];
}

/** The simulated day: `2026-04-21, 08:00 to day 2 01:00 (17 h simulated) at 450× the incident's speed (2 min 16 s wall)`. */
export function simulatedDayText(report: Pick<Report, 'clock' | 'run'>): string {
  const { clock, run } = report;
  // From the load's start (t0): the harness's setup before it has no simulated time.
  const from = clock.simStartMs;
  const to = simMsOf(clock, Math.max(clock.t0, run.endedAt));
  const wallS = Math.round(Math.max(0, run.endedAt - clock.t0) / 1000);
  const wall = wallS < 60 ? `${wallS} s` : `${Math.floor(wallS / 60)} min${wallS % 60 ? ` ${wallS % 60} s` : ''}`;
  return `${clock.date ? `${clock.date}, ` : ''}${fmtSimTime(from)} to ${fmtSimTime(to)} (${fmtSimSpan(to - from)} simulated) at ${clockSpeedText(clock)} (${wall} wall)`;
}

/** `60× the incident's speed`; a segmented clock names each later speed and when it starts: `…, 3600× from 14:00, 120× from day 2 07:30`. */
export function clockSpeedText(clock: Report['clock']): string {
  const later = (clock.segments ?? []).map((segment) => `, ${segment.speed}× from ${fmtSimTime(segment.fromSim)}`).join('');
  return `${clock.speed}× the incident's speed${later}`;
}

/** The work offered, per kind of journey: `20,000 SRFs (srf); 19,195 samples (consignment)`. */
export function volumesText(report: Pick<Report, 'harm'>): string {
  const journeys = report.harm.journeys.filter((journey) => journey.offered > 0);
  if (journeys.length === 0) return 'no journey work was offered';
  return journeys.map((journey) => `${journey.offered.toLocaleString('en-IN')} ${journey.unit} (${journey.kind})`).join('; ');
}

/**
 * The facts every report format opens with, in this order: verdict and score, validity, the client under
 * test, the scenario (title, description, sources), the simulated day and speed, the volumes offered.
 */
export function runFacts(report: Report): RunFact[] {
  const s = report.scenario;
  const facts: RunFact[] = [
    { label: 'Verdict', value: verdictText(report) },
    { label: 'Validity', value: validityText(report) },
    { label: 'Client under test', value: clientTitle(report) },
    { label: 'Scenario', value: s.title && s.title !== s.name ? `${s.title} (${s.name})` : s.name },
  ];
  if (s.description) facts.push({ label: 'What happens', value: s.description });
  if (s.basedOn && s.basedOn.length > 0) facts.push({ label: 'Sources', value: s.basedOn.join('; '), list: s.basedOn });
  facts.push({ label: 'Simulated day', value: simulatedDayText(report) });
  facts.push({ label: 'Work offered', value: volumesText(report) });
  return facts;
}
