import { formatTimeOfDay } from '../../util/index.ts';
import { simAt } from '../clock/incidentClock.ts';
import type { IncidentClock } from './readValidityInputs.ts';

/** A wall instant as the incident's time of day, e.g. `sim 09:50:02` (docs/scoring.md, the incident's clock). */
export function incidentTime({ at, clock }: { at: number; clock: IncidentClock }): string {
  return `sim ${formatTimeOfDay(Math.max(0, simAt(clock, at)))}`;
}

/** A wall duration in simulated terms, e.g. `2 simulated min` or `45 simulated s`. */
export function simulatedSpan({ wallMs, speed }: { wallMs: number; speed: number }): string {
  const simMs = Math.abs(wallMs) * speed;
  return simMs >= 60_000 ? `${Number((simMs / 60_000).toFixed(1))} simulated min` : `${Math.round(simMs / 1000)} simulated s`;
}
