import type { ComparedClient } from './buildComparison.ts';

const points = (value: number) => value.toFixed(1);
const scoreOf = (client: ComparedClient) => `${points(client.score.mean ?? 0)}${client.score.n > 1 ? ` ± ${points(client.score.spread ?? 0)}` : ''}`;

/**
 * The verdict line of one scenario's comparison and, when it applies, the warning that a difference may be
 * noise. The leader is ahead by more than the repeat spread when its worst repeat beats the runner-up's best
 * (mean - spread > mean + spread); with a single run on either side the spread is unknown, and the warning says
 * so. Clients with no score are left out of the ranking.
 */
export function judgeComparison(clients: readonly ComparedClient[]): { verdict: string; noise: string | null } {
  const ranked = clients.filter((client) => client.score.mean !== null).sort((a, b) => (b.score.mean ?? 0) - (a.score.mean ?? 0));
  const [first, second] = ranked;
  if (!first) return { verdict: 'no client has a score', noise: null };
  if (!second) return { verdict: `${first.label} scores ${scoreOf(first)}; no other client to rank it against`, noise: null };
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
