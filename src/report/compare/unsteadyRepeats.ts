import { countInIndianDigits as count, type Report } from '../../scoring/index.ts';

/**
 * How far a client's repeats may spread before they say more about the client than about the measurement: ±2
 * points, what issue 13 asks of thap's own repeatability, and what every client whose behaviour is the same from
 * run to run keeps to in the calibration (docs/scoring.md "Calibration": within ±1 in every such cell).
 */
export const STEADY_SPREAD_POINTS = 2;

/**
 * A warning for a client whose repeats of one scenario spread beyond STEADY_SPREAD_POINTS, with what its own runs
 * show of why: how many requests it sent NIC in each (the same plan, one seed) and in how many it stayed
 * metastable after the fault. A buyer reads it as a risk: on the day, the client may land on its worst run.
 * Undefined for fewer than two scored runs or a spread within the bound.
 */
export function unsteadyRepeats(label: string, reports: readonly Report[]): string | undefined {
  const scored = reports.filter((report) => report.score.total !== null);
  if (scored.length < 2) return undefined;
  const scores = scored.map((report) => report.score.total as number);
  const spread = (Math.max(...scores) - Math.min(...scores)) / 2;
  if (spread <= STEADY_SPREAD_POINTS) return undefined;
  const evidence = [nicRequestsRange(scored), metastableCount(scored)].filter((part): part is string => part !== undefined);
  const why = evidence.length > 0 ? ` (${evidence.join('; ')})` : '';
  return `${label}'s ${scored.length} repeats spread ±${spread.toFixed(1)} points, beyond the ±${STEADY_SPREAD_POINTS} thap's own measurement keeps to${why}; weigh its worst run, ${Math.min(...scores).toFixed(1)}`;
}

function nicRequestsRange(reports: readonly Report[]): string | undefined {
  const sent = reports.flatMap((report) => (report.nic.measured ? [report.nic.upstreamRequests] : []));
  if (sent.length < 2) return undefined;
  return `NIC received ${count(Math.min(...sent))} to ${count(Math.max(...sent))} of its requests`;
}

function metastableCount(reports: readonly Report[]): string | undefined {
  const metastable = reports.filter((report) => report.recovery.metastable === true).length;
  if (metastable === 0 || metastable === reports.length) return undefined;
  return `metastable after the fault in ${metastable} of ${reports.length} runs`;
}
