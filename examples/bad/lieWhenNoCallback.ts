import type { Route } from '../shared/jsonServer.ts';
import type { OutcomeLogger } from '../shared/outcomeLog.ts';
import { doneReply } from '../shared/replies.ts';
import type { JourneyStep } from '../shared/steps/journeyStep.ts';
import { madeUpIds, madeUpReason } from './madeUpIds.ts';

/** The reason journeyRoute gives when NIC's callback (ABDM token, payment webhook) never came. */
const noCallback = (reason: unknown): reason is string => typeof reason === 'string' && reason.startsWith('no callback from NIC');

/**
 * The liar's way with a step NIC finishes in a callback: when the callback never comes, it does not say so; it
 * prints the slip anyway, every id made up (a "paid" receipt with a QR id and UTR the gateway never issued).
 * `route` is the step's journeyRoute; `log` rewrites that route's outcome line to match the lie, so the client's
 * own log counts each made-up answer, as for a write NIC did not take.
 */
export function lieWhenNoCallback(args: { step: JourneyStep; route: Route; nextSerial: () => number }): Route {
  return {
    ...args.route,
    handle: async (request) => {
      const reply = await args.route.handle(request);
      const body = reply.body as { correlationId?: string; reason?: unknown };
      if (reply.status !== 503 || !noCallback(body.reason)) return reply;
      return doneReply({ correlationId: body.correlationId ?? '', nic: madeUpIds({ provides: args.step.provides, serial: args.nextSerial() }) });
    },
  };
}

/** The outcome line of a made-up answer for a callback that never came: `done`, with the made-up reason. */
export function logLiesAboutCallbacks(log: OutcomeLogger): OutcomeLogger {
  return (line) => log(noCallback(line.reason) ? { ...line, outcome: 'done', httpStatus: 200, reason: `${madeUpReason}: ${line.reason}` } : line);
}
