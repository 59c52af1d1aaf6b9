import type { Answer } from './answers.ts';
import type { JourneyKind } from './journeyKinds.ts';

/** How each answer of the client reads for work that never reached NIC, as a hospital would say it (a kind may say it its own way: JourneyKind.leftAs). */
const partWords: Record<Answer, string> = {
  refused: 'refused by the client',
  blocked: 'not sent, as an earlier step failed',
  invalid: 'answered outside the client contract',
  queued: 'queued by the client and never delivered',
  done: 'answered done and never stored at NIC',
};

/** The order the parts are told in: what the clerk saw first (a refusal) to what they were told (done). */
const order: readonly Answer[] = ['refused', 'blocked', 'invalid', 'queued', 'done'];

/**
 * The sentence for one kind's work never stored at NIC, split by what the client answered: "200 patients not
 * registered (refused by the client)", "230 patients not registered (200 refused by the client; 30 queued by
 * the client and never delivered)", "40 patients' mobiles not verified (no OTP reached the phone)". Refused patients
 * were sent away; queued ones were promised and let down.
 */
export function notCompletedText({ notCompleted, by, journey }: { notCompleted: number; by: Record<Answer, number>; journey: JourneyKind }): string {
  const parts = order.filter((answer) => by[answer] > 0);
  const head = `${count(notCompleted)} ${journey.notCompleted}`;
  if (parts.length === 0) return head;
  const words = (answer: Answer) => journey.leftAs?.[answer] ?? partWords[answer];
  if (parts.length === 1) return `${head} (${words(parts[0] as Answer)})`;
  return `${head} (${parts.map((answer) => `${count(by[answer])} ${words(answer)}`).join('; ')})`;
}

/** A count in Indian digit grouping (1,20,000), as the harm sentences print it. */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en-IN');
}
