import type { NicResponse } from './nicCall.ts';
import type { RouteReply } from './jsonServer.ts';
import { doneReply, failedReply } from './replies.ts';
import type { JourneyStep } from './steps/journeyStep.ts';

/** Turns one NIC answer into a contract reply: 2xx with NIC's ids -> done; anything else -> failed (502). */
export function replyFromNic(args: { step: JourneyStep; correlationId: string; response: NicResponse }): RouteReply {
  const { response, correlationId } = args;
  if (response.status < 200 || response.status >= 300) {
    return failedReply({ correlationId, reason: `NIC ${args.step.service} answered ${response.status}`, httpStatus: 502 });
  }
  const nic = args.step.fromNic(response.body);
  if (typeof nic === 'string') return failedReply({ correlationId, reason: nic, httpStatus: 502 });
  return doneReply({ correlationId, nic });
}
