import type { ServiceName } from '../../src/contract/services.ts';
import type { StepStrategy } from '../shared/journeyRoute.ts';
import { doneReply, failedReply, queuedReply } from '../shared/replies.ts';
import { replyFromNic } from '../shared/replyFromNic.ts';
import { field } from '../shared/steps/journeyStep.ts';
import { resolveRefs } from '../resilient/resolveRefs.ts';
import type { Journal, JournalEntry } from './journal.ts';
import type { Lane } from './lane.ts';

/**
 * The journal client's request path. A write goes on the journal and to its service's lane; while the step's
 * NIC route is healthy and the lane can send it within `answerBudgetMs` (no backlog ahead of it), the request
 * waits that long for the lane to deliver it and answers `done` with NIC's ids, otherwise (or when the budget
 * runs out) it answers `queued` with provisional ids once the journal line is on disk. The request path never
 * calls NIC for a write itself. A read whose reference is still on the journal answers from the provisional ids
 * (a token) or fails at once; other reads go to NIC through the lane's bulkhead. When NIC cannot answer a read
 * (its route unhealthy, unreachable, a 5xx, a 429 or the gateway's 403), the journal answers it from NIC's own answer to the write it
 * reads back, when that answer holds everything the read gives (a token NIC issued at registration); otherwise
 * the read fails at once.
 */
export function journalStrategy(args: { journal: Journal; lanes: Record<ServiceName, Lane>; answerBudgetMs: number }): StepStrategy {
  const { journal, lanes } = args;
  return async ({ step, correlationId, request }) => {
    const lane = lanes[step.service];
    if (step.queueable) {
      const known = journal.get(correlationId);
      if (known) return { ...replyFor(known), attempts: 0 };
      lane.recordOffered();
      const waitForNic = lane.sendsWithin(step.step, args.answerBudgetMs);
      const { entry, durable } = journal.accept({ correlationId, step: step.step, body: request.body, params: request.params, provides: step.provides });
      lane.enqueue(correlationId);
      const settled = waitForNic ? await journal.whenSettled(correlationId, args.answerBudgetMs) : undefined;
      if (!settled) await durable;
      return { ...replyFor(settled ?? entry), ...(settled ? {} : { reason: `not at NIC ${step.service} yet; journaled` }) };
    }
    const resolved = resolveRefs({ step, body: request.body, params: request.params, outbox: journal });
    if (resolved.kind === 'dead') return { ...failedReply({ correlationId, reason: resolved.reason, httpStatus: 502 }), attempts: 0 };
    if (resolved.kind === 'waiting') {
      const provisional = provisionalFor({ journal, body: request.body, step });
      if (provisional) return { ...queuedReply({ correlationId, provisionalId: Object.values(provisional)[0] as string, provisional }), attempts: 0 };
      return { ...failedReply({ correlationId, reason: `waiting for ${resolved.on} to reach NIC`, httpStatus: 503 }), attempts: 0 };
    }
    const nicRequest = step.toNic({ body: resolved.body, params: resolved.params });
    if (typeof nicRequest === 'string') return { ...failedReply({ correlationId, reason: nicRequest, httpStatus: 400 }), attempts: 0 };
    const attempt = await lane.read({ step: step.step, nicRequest, correlationId });
    const attempts = attempt.kind === 'refused' ? 0 : 1;
    if (attempt.kind !== 'refused' && attempt.kind !== 'unreachable' && !nicCannotAnswer(attempt.response.status)) return { ...replyFromNic({ step, correlationId, response: attempt.response }), attempts };
    const recorded = recordedAnswer({ journal, body: resolved.body, step });
    if (recorded) return { ...doneReply({ correlationId, nic: recorded }), attempts };
    if (attempt.kind === 'refused') return { ...failedReply({ correlationId, reason: attempt.reason, httpStatus: 503 }), attempts };
    if (attempt.kind === 'unreachable') return { ...failedReply({ correlationId, reason: attempt.error.message, httpStatus: 503 }), attempts };
    return { ...replyFromNic({ step, correlationId, response: attempt.response }), attempts };
  };
}

/** The answer a journaled write gets: done with NIC's ids, queued with provisional ones, or failed. */
function replyFor(entry: JournalEntry) {
  if (entry.state === 'delivered') return doneReply({ correlationId: entry.correlationId, nic: entry.nic ?? {} });
  if (entry.state === 'given-up') return failedReply({ correlationId: entry.correlationId, reason: entry.reason ?? 'given up', httpStatus: 502 });
  return queuedReply({ correlationId: entry.correlationId, provisionalId: entry.provisionalId, provisional: entry.provisional });
}

/**
 * NIC is down, shedding load or its gateway is blocking this client, not saying no: a 5xx, a 429, or a 403
 * (outages.md O12: the WAF answers 403 for a whole window; no NIC route answers 403 otherwise).
 */
function nicCannotAnswer(status: number): boolean {
  return status >= 500 || status === 429 || status === 403;
}

/**
 * For a read of a delivered write: what the read gives, from NIC's answer to that write, when every reference
 * the read carries names that one write (a token asked for by uhid and visit id is its visit's registration's,
 * never another visit's of the same patient) and the answer holds all the read gives.
 */
function recordedAnswer(args: { journal: Journal; body: unknown; step: { refs: readonly string[]; provides: readonly string[] } }): Record<string, unknown> | undefined {
  const answers = args.step.refs.map((ref) => field(args.body, ref)).filter((value) => value !== undefined).map((value) => (typeof value === 'string' ? args.journal.nicAnswerFor(value) : undefined));
  const [answer] = answers;
  if (!answer || answers.some((other) => other !== answer) || !args.step.provides.every((key) => answer[key] !== undefined)) return undefined;
  return Object.fromEntries(args.step.provides.map((key) => [key, answer[key]]));
}

/** For a read whose reference is still journaled: the provisional ids its parent issued for what the read gives. */
function provisionalFor(args: { journal: Journal; body: unknown; step: { refs: readonly string[]; provides: readonly string[] } }): Record<string, string> | undefined {
  for (const ref of args.step.refs) {
    const value = field(args.body, ref);
    const provisional = typeof value === 'string' ? args.journal.provisionalOf(value) : undefined;
    if (!provisional) continue;
    const picked = Object.fromEntries(args.step.provides.filter((key) => provisional[key] !== undefined).map((key) => [key, provisional[key] as string]));
    if (Object.keys(picked).length > 0) return picked;
  }
  return undefined;
}
