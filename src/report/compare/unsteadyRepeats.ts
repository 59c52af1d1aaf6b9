import { type Report } from '../../scoring/index.ts';
import { repeatConduct } from './repeatConduct.ts';

/**
 * How far a client's repeats may spread before they say more about the client than about the measurement: ±2
 * points, what issue 13 asks of thap's own repeatability, and what every client whose behaviour is the same from
 * run to run keeps to in the calibration (docs/scoring.md "Calibration": within ±1 in every such cell).
 */
export const STEADY_SPREAD_POINTS = 2;

/**
 * A warning for a client whose repeats of one scenario spread beyond STEADY_SPREAD_POINTS, saying whose it is.
 * When the client behaved differently from run to run (repeatConduct: more requests to NIC in one run, metastable
 * in some only), the spread is the client's: a buyer reads it as a risk, since on the day it may land on its worst
 * run. When it behaved alike in every run, nothing the client did explains the spread, so the runs are suspect:
 * repeat them on a quiet machine. Undefined for fewer than two scored runs or a spread within the bound.
 */
export function unsteadyRepeats(label: string, reports: readonly Report[]): Unsteadiness | undefined {
  const scored = reports.filter((report) => report.score.total !== null);
  if (scored.length < 2) return undefined;
  const scores = scored.map((report) => report.score.total as number);
  const spread = (Math.max(...scores) - Math.min(...scores)) / 2;
  if (spread <= STEADY_SPREAD_POINTS) return undefined;
  const { verdict, evidence } = repeatConduct(scored.map((report) => ({ requestsToNic: report.nic.measured ? report.nic.upstreamRequests : null, metastable: report.recovery.metastable })));
  const why = evidence.length > 0 ? ` (${evidence.join('; ')})` : '';
  const repeats = `${label}'s ${scored.length} repeats spread ±${spread.toFixed(1)} points, beyond the ±${STEADY_SPREAD_POINTS} thap's own measurement keeps to`;
  const worst = `weigh its worst run, ${Math.min(...scores).toFixed(1)}`;
  if (verdict === 'differed') return { text: `${repeats}: it behaved differently from run to run${why}; ${worst}`, whose: 'client' };
  if (verdict === 'alike') return { text: `${repeats}, though it behaved alike in each${why}: nothing the client did explains the spread, so repeat the runs on a quiet machine before weighing them`, whose: 'runs' };
  return { text: `${repeats}${why}; ${worst}`, whose: 'unknown' };
}

/** The warning, and whose the spread is: the client's (it behaved differently), the runs' (it behaved alike), or unknown. */
export interface Unsteadiness {
  text: string;
  whose: 'client' | 'runs' | 'unknown';
}
