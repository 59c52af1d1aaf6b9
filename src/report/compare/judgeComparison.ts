import type { ComparedClient } from './buildComparison.ts';

const points = (value: number) => value.toFixed(1);
const scoreOf = (client: ComparedClient) => `${points(client.score.mean ?? 0)}${client.score.n > 1 ? ` ± ${points(client.score.spread ?? 0)}` : ''}`;

/** Whether every run of the client passed its gates (a failed gate is harm the scenario does not allow). */
export const passedEvery = (client: ComparedClient) => client.runs.length > 0 && client.runs.every((run) => run.status === 'passed');

/** The clients with a score, best first: those that passed every run's gates, then the rest, each by mean score. */
export function rankClients(clients: readonly ComparedClient[]): ComparedClient[] {
  const byScore = clients.filter((client) => client.score.mean !== null).sort((a, b) => (b.score.mean ?? 0) - (a.score.mean ?? 0));
  return [...byScore.filter(passedEvery), ...byScore.filter((client) => !passedEvery(client))];
}

/**
 * The verdict line of one scenario's comparison and, when it applies, the warning that a difference may be
 * noise. The verdict ranks before the score: a client that passed every run's gates ranks above one that failed
 * any, whatever their scores (a gate is harm the incident does not allow: patients lost, records stored twice, a
 * storm on NIC), and the verdict says when the higher score failed. Within each, the leader is ahead by more
 * than the repeat spread when its worst repeat beats the runner-up's best (mean - spread > mean + spread); with
 * a single run on either side the spread is unknown, and the warning says so. Clients with no score are left
 * out of the ranking.
 */
export function judgeComparison(clients: readonly ComparedClient[]): { verdict: string; noise: string | null } {
  const ranked = rankClients(clients);
  const [first, second] = ranked;
  if (!first) return { verdict: 'no client has a score', noise: null };
  if (!second) return { verdict: `${first.label} scores ${scoreOf(first)}; no other client to rank it against`, noise: null };
  if (passedEvery(first) && !passedEvery(second)) {
    const failed = second.runs.filter((run) => run.status !== 'passed').length;
    const higher = (second.score.mean ?? 0) > (first.score.mean ?? 0) ? `, though it scores more (${scoreOf(second)} against ${scoreOf(first)})` : ` (${scoreOf(second)} against ${scoreOf(first)})`;
    return { verdict: `${first.label} ranks first: it passed its gates in every run, and ${second.label} failed them in ${failed} of ${second.runs.length}${higher}`, noise: null };
  }
  const lead = (first.score.mean ?? 0) - (second.score.mean ?? 0);
  const single = ranked.filter((client) => client.score.n < 2).map((client) => client.label);
  const apart = (first.score.mean ?? 0) - (first.score.spread ?? 0) > (second.score.mean ?? 0) + (second.score.spread ?? 0);
  if (single.length > 0) {
    return {
      verdict: `${first.label} scores ${scoreOf(first)}, ${points(lead)} points ahead of ${second.label} (${scoreOf(second)})`,
      noise: `${single.join(', ')} ran once: the repeat noise is unknown, so a lead of ${points(lead)} points may lie within it; repeat each run (label=dir several times) before deciding`,
    };
  }
  if (!apart) {
    return {
      verdict: `${first.label} (${scoreOf(first)}) and ${second.label} (${scoreOf(second)}) are level: the ${points(lead)}-point difference lies within the repeat spread`,
      noise: `the difference between ${first.label} and ${second.label} lies within the spread of their repeats`,
    };
  }
  return { verdict: `${first.label} is ahead: ${scoreOf(first)} against ${second.label}'s ${scoreOf(second)}, ${points(lead)} points, beyond the repeat spread`, noise: null };
}
