/**
 * The client's answer to one write, as harm tells it (k6 `thap_outcome`, src/load/k6Script.ts), worst first:
 * `blocked` (never sent: an earlier step of the visit got no usable answer), `refused` (a failure answer, or
 * none in time), `invalid` (an answer outside the client contract), `queued` (kept for NIC later), `done`
 * (the client said NIC has it). A later answer for the same write counts when it is better.
 */
export const answers = ['blocked', 'refused', 'invalid', 'queued', 'done'] as const;
export type Answer = (typeof answers)[number];

export function answerOf(outcome: string | undefined): Answer {
  if (outcome === 'done' || outcome === 'queued' || outcome === 'invalid' || outcome === 'blocked') return outcome;
  return 'refused';
}

/** Work the client took on (done or queued): it waits for NIC instead of being sent away. */
export function isAccepted(answer: Answer): boolean {
  return answer === 'done' || answer === 'queued';
}
