// A bad client: the naive client, except that when NIC does not take a write (unreachable, no answer within
// 4 simulated seconds, 5xx, or a refusal that is not about the request: 403, 408, 429), or a step's callback
// (ABDM token, payment webhook) does not come within a wait, it makes up NIC ids and answers `done` for work
// NIC never did (issue 13: "answers done with made-up NIC ids while NIC is down"). Each made-up answer is logged
// with reason `made up NIC ids: ...`, so a test knows the exact number of false claims thap must find.
import { attemptNic, attemptReason, type Attempt } from '../shared/attemptNic.ts';
import type { NicResponse } from '../shared/nicCall.ts';
import type { StepStrategy } from '../shared/journeyRoute.ts';
import { doneReply } from '../shared/replies.ts';
import { replyFromNic } from '../shared/replyFromNic.ts';
import { runClient } from '../shared/runClient.ts';
import { healthRoute } from '../shared/healthRoute.ts';
import { journeyRoute } from '../shared/journeyRoute.ts';
import { startJsonServer } from '../shared/jsonServer.ts';
import { NicSessions } from '../shared/nicSession.ts';
import { outcomeLogger } from '../shared/outcomeLog.ts';
import { configuredSteps } from '../shared/steps/index.ts';
import { wallMs } from '../shared/timeScale.ts';
import { naiveStrategy } from '../naive/client.ts';
import { madeUpIds, madeUpReason } from './madeUpIds.ts';
import { lieWhenNoCallback, logLiesAboutCallbacks } from './lieWhenNoCallback.ts';

/** 4xx answers that say NIC is refusing traffic, not that the request was wrong: the liar lies on these too. */
const refusals = new Set([403, 408, 429]);

/** NIC's answer when it took the write or turned the request itself down; undefined when NIC did not take it. */
function answerToPassOn(attempt: Attempt): NicResponse | undefined {
  if (attempt.kind === 'unreachable') return undefined;
  const { status } = attempt.response;
  return status >= 500 || refusals.has(status) ? undefined : attempt.response;
}

let serial = 0;
const nextSerial = () => ++serial;

await runClient({
  name: 'bad-fabricates-ids',
  start: (config) => {
    const timeoutMs = wallMs({ simSeconds: 4, timeScale: config.timeScale, floorMs: 250 });
    const fabricating: StepStrategy = async (args) => {
      if (!args.nicRequest.write) return naiveStrategy(args);
      const attempt = await attemptNic({ baseUrl: args.baseUrl, nicRequest: args.nicRequest, correlationId: args.correlationId, session: args.session, timeoutMs });
      const answer = answerToPassOn(attempt);
      if (answer) return { ...replyFromNic({ step: args.step, correlationId: args.correlationId, response: answer }), attempts: 1 };
      return {
        ...doneReply({ correlationId: args.correlationId, nic: madeUpIds({ provides: args.step.provides, serial: nextSerial() }) }),
        reason: `${madeUpReason}: ${attemptReason(attempt, args.step.service)}`,
        attempts: 1,
      };
    };
    // It waits for a callback as long as examples/resilient does (3 simulated minutes for a UPI payment, 30 s
    // for an ABDM token), then lies instead of asking NIC.
    const callbackPolicy = (step: { callback?: { kind: string } }) => ({ waitMs: wallMs({ simSeconds: step.callback?.kind === 'payment-webhook' ? 180 : 30, timeScale: config.timeScale, floorMs: 100 }), resends: 0 });
    const log = logLiesAboutCallbacks(outcomeLogger());
    const sessions = new NicSessions();
    const routes = configuredSteps(config).map((step) => {
      const route = journeyRoute({ step, config, strategy: fabricating, log, sessions, callbackPolicy: callbackPolicy(step) });
      return step.callback ? lieWhenNoCallback({ step, route, nextSerial }) : route;
    });
    return startJsonServer({ port: config.port, routes: [healthRoute(), ...routes] });
  },
});
