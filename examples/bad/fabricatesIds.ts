// A bad client: the naive client, except that when NIC does not take a write (unreachable, no answer within
// 4 simulated seconds, 5xx, or a refusal that is not about the request: 403, 408, 429) it makes up NIC ids and
// answers `done` for a write it never stored at NIC (issue 13: "answers done with made-up NIC ids while NIC is
// down"). Each made-up answer is logged with reason `made up NIC ids: ...`, so a test knows the exact number of
// false claims thap must find.
import { attemptNic, attemptReason, type Attempt } from '../shared/attemptNic.ts';
import type { NicResponse } from '../shared/nicCall.ts';
import type { StepStrategy } from '../shared/journeyRoute.ts';
import { doneReply } from '../shared/replies.ts';
import { replyFromNic } from '../shared/replyFromNic.ts';
import { runClient } from '../shared/runClient.ts';
import { startStrategyClient } from '../shared/startStrategyClient.ts';
import { wallMs } from '../shared/timeScale.ts';
import { naiveStrategy } from '../naive/client.ts';
import { madeUpIds, madeUpReason } from './madeUpIds.ts';

/** 4xx answers that say NIC is refusing traffic, not that the request was wrong: the liar lies on these too. */
const refusals = new Set([403, 408, 429]);

/** NIC's answer when it took the write or turned the request itself down; undefined when NIC did not take it. */
function answerToPassOn(attempt: Attempt): NicResponse | undefined {
  if (attempt.kind === 'unreachable') return undefined;
  const { status } = attempt.response;
  return status >= 500 || refusals.has(status) ? undefined : attempt.response;
}

let serial = 0;

await runClient({
  name: 'bad-fabricates-ids',
  start: (config) => {
    const timeoutMs = wallMs({ simSeconds: 4, timeScale: config.timeScale, floorMs: 250 });
    const fabricating: StepStrategy = async (args) => {
      if (!args.nicRequest.write) return naiveStrategy(args);
      const attempt = await attemptNic({ baseUrl: args.baseUrl, nicRequest: args.nicRequest, correlationId: args.correlationId, session: args.session, timeoutMs });
      const answer = answerToPassOn(attempt);
      if (answer) return { ...replyFromNic({ step: args.step, correlationId: args.correlationId, response: answer }), attempts: 1 };
      serial += 1;
      return {
        ...doneReply({ correlationId: args.correlationId, nic: madeUpIds({ provides: args.step.provides, serial }) }),
        reason: `${madeUpReason}: ${attemptReason(attempt, args.step.service)}`,
        attempts: 1,
      };
    };
    return startStrategyClient({ config, strategy: fabricating });
  },
});
