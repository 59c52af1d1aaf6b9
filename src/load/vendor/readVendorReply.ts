import { asText, readPath } from '../k6/fieldPath.ts';
import { readMappedReply, type VendorReply } from '../k6/vendorStep.ts';
import type { StepName, VendorMapping } from '../../contract/index.ts';

/** A vendor answer read back into the contract's terms. */
export type ReadReply = VendorReply;

/**
 * Reads the vendor's answer to one step. Without a mapping for the step, the contract's own rules apply:
 * 200 + `status: done` -> done, 202 + `status: queued` -> queued, anything else -> failed. With one, the
 * mapped `state` field (or the HTTP status when no state field is named) decides, and ids are renamed
 * (src/load/k6/vendorStep.ts, which the k6 script carries).
 */
export function readVendorReply(args: { mapping: VendorMapping; step: StepName; httpStatus: number; body: unknown }): ReadReply {
  const stepMapping = args.mapping.steps[args.step];
  return stepMapping ? readMappedReply({ reply: stepMapping.reply, httpStatus: args.httpStatus, body: args.body }) : readContractReply(args);
}

function readContractReply(args: { httpStatus: number; body: unknown }): ReadReply {
  const status = readPath(args.body, 'status');
  if (args.httpStatus === 200 && status === 'done') {
    const nic = readPath(args.body, 'nic');
    if (nic !== null && typeof nic === 'object') return { outcome: 'done', nic: nic as Record<string, unknown> };
    return { outcome: 'failed', reason: 'done answer without nic ids' };
  }
  if (args.httpStatus === 202 && status === 'queued') {
    const provisionalId = asText(readPath(args.body, 'provisionalId'));
    return provisionalId ? { outcome: 'queued', provisionalId } : { outcome: 'failed', reason: 'queued answer without provisionalId' };
  }
  return { outcome: 'failed', reason: asText(readPath(args.body, 'reason')) ?? `client answered ${args.httpStatus}` };
}
