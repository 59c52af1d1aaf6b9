import { formatTimeOfDay } from '../util/index.ts';
import type { Integrity } from '../scoring/index.ts';

/**
 * Integrity in one line, as the summary and the Markdown report show it: what the client accepted, what NIC
 * stored, and what went wrong (lost, undelivered by the drain deadline on the incident's clock, false claims,
 * duplicates), with pending last as the informational count it is.
 */
export function integrityFigures(i: Integrity): string {
  const deadline = i.drainDeadlineSimMs === null ? '' : ` by ${formatTimeOfDay(i.drainDeadlineSimMs)}`;
  return `accepted ${i.accepted}, stored ${i.stored}, lost ${i.lost}, undelivered ${i.undelivered}${deadline}, false claims ${i.falseClaims}, duplicated ${i.duplicated}, pending ${i.pending}`;
}
