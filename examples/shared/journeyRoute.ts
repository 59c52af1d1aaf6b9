import type { ClientConfig } from './config.ts';
import { requireNicUrl } from './config.ts';
import { readCorrelationId } from './correlationId.ts';
import { route, type Route, type RouteReply } from './jsonServer.ts';
import type { NicSession, NicSessions } from './nicSession.ts';
import type { OutcomeLogger, Outcome } from './outcomeLog.ts';
import { failedReply } from './replies.ts';
import type { JourneyStep, NicRequest } from './steps/journeyStep.ts';
import { awaitCallback } from './callbacks/awaitCallback.ts';
import { readyCallbackInbox } from './callbacks/callbackInbox.ts';
import { waitForEver, type CallbackPolicy } from './callbacks/callbackPolicy.ts';

/** How a client makes the NIC call for one step and turns it into a contract reply. */
export type StepStrategy = (args: {
  step: JourneyStep;
  correlationId: string;
  baseUrl: string;
  nicRequest: NicRequest;
  /** The login session with the step's NIC service (used only when NIC asks for one). */
  session: NicSession;
  /** The client request as k6 sent it (the contract body and path parameters). */
  request: { body: unknown; params: Record<string, string> };
}) => Promise<RouteReply & { attempts?: number; reason?: string }>;

/**
 * The client route for one journey step: checks the correlation id and body, runs the strategy, logs one line.
 * A step NIC finishes in a callback (ABHA share, online payment) then waits for it under `callbackPolicy`
 * (default: for ever, as the naive client does).
 */
export function journeyRoute(args: {
  step: JourneyStep;
  config: ClientConfig;
  strategy: StepStrategy;
  log: OutcomeLogger;
  sessions: NicSessions;
  callbackPolicy?: CallbackPolicy;
}): Route {
  const { step } = args;
  const baseUrl = requireNicUrl(args.config, step.service);
  const session = args.sessions.for({ baseUrl, service: step.service });
  return route(step.route, async (request) => {
    const started = performance.now();
    const correlationId = readCorrelationId(request.headers);
    let reply: RouteReply & { attempts?: number; reason?: string };
    if (correlationId === undefined) {
      reply = failedReply({ correlationId: '', reason: 'missing X-Correlation-Id header', httpStatus: 400 });
    } else {
      const inbox = step.callback ? await readyCallbackInbox() : undefined;
      const nicRequest = step.toNic({ body: request.body, params: request.params });
      const send = (built: NicRequest) => () => args.strategy({ step, correlationId, baseUrl, nicRequest: built, session, request: { body: request.body, params: request.params } });
      if (typeof nicRequest === 'string') reply = failedReply({ correlationId, reason: nicRequest, httpStatus: 400 });
      else if (step.callback && inbox) {
        reply = await awaitCallback({ step: { ...step, callback: step.callback }, correlationId, baseUrl, session, inbox, policy: args.callbackPolicy ?? waitForEver, send: send(nicRequest) });
      } else reply = await send(nicRequest)();
    }
    const body = reply.body as { status?: Outcome; reason?: string };
    args.log({
      step: step.step,
      correlationId: correlationId ?? '',
      outcome: body.status ?? 'failed',
      httpStatus: reply.status,
      ms: Math.round(performance.now() - started),
      ...((reply.reason ?? body.reason) !== undefined ? { reason: reply.reason ?? body.reason } : {}),
      ...(reply.attempts !== undefined ? { attempts: reply.attempts } : {}),
    });
    return { status: reply.status, body: reply.body, ...(reply.headers ? { headers: reply.headers } : {}) };
  });
}
