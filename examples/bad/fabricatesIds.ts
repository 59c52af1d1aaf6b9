// A bad client: the naive client, except that when NIC cannot be reached or answers 5xx it makes up NIC ids
// and answers `done` for a write it never stored at NIC (issue 13: "answers done with made-up NIC ids while
// NIC is down"). Each made-up answer is logged with reason `made up NIC ids: ...`, so a test knows the exact
// number of false claims thap must find.
import { attemptNic, attemptReason } from '../shared/attemptNic.ts';
import type { StepStrategy } from '../shared/journeyRoute.ts';
import { doneReply } from '../shared/replies.ts';
import { replyFromNic } from '../shared/replyFromNic.ts';
import { runClient } from '../shared/runClient.ts';
import { startStrategyClient } from '../shared/startStrategyClient.ts';
import { naiveStrategy } from '../naive/client.ts';
import { madeUpIds, madeUpReason } from './madeUpIds.ts';

let serial = 0;

const fabricating: StepStrategy = async (args) => {
  if (!args.nicRequest.write) return naiveStrategy(args);
  const attempt = await attemptNic({ baseUrl: args.baseUrl, nicRequest: args.nicRequest, correlationId: args.correlationId, session: args.session });
  const nicDown = attempt.kind === 'unreachable' || (attempt.kind === 'error-status' && attempt.response.status >= 500);
  if (!nicDown) return { ...replyFromNic({ step: args.step, correlationId: args.correlationId, response: attempt.response }), attempts: 1 };
  serial += 1;
  return {
    ...doneReply({ correlationId: args.correlationId, nic: madeUpIds({ provides: args.step.provides, serial }) }),
    reason: `${madeUpReason}: ${attemptReason(attempt, args.step.service)}`,
    attempts: 1,
  };
};

await runClient({
  name: 'bad-fabricates-ids',
  start: (config) => startStrategyClient({ config, strategy: fabricating }),
});
