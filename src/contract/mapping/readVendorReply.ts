import type { Outcome } from '../responses.ts';
import type { StepName } from '../steps.ts';
import { readPath } from './fieldPath.ts';
import type { VendorMapping } from './schema.ts';

/** A vendor answer read back into the contract's terms. */
export interface ReadReply {
  outcome: Outcome;
  /** NIC's ids under the contract's names (done). */
  nic?: Record<string, unknown>;
  /** The client's own id (queued). */
  provisionalId?: string;
  reason?: string;
}

/**
 * Reads the vendor's answer to one step. Without a mapping for the step, the contract's own rules apply:
 * 200 + `status: done` -> done, 202 + `status: queued` -> queued, anything else -> failed. With one, the
 * mapped `state` field (or the HTTP status when no state field is named) decides, and ids are renamed.
 */
export function readVendorReply(args: { mapping: VendorMapping; step: StepName; httpStatus: number; body: unknown }): ReadReply {
  const stepMapping = args.mapping.steps[args.step];
  if (!stepMapping) return readContractReply(args);
  const reply = stepMapping.reply;
  const reason = reply.reason ? asText(readPath(args.body, reply.reason)) : undefined;
  let outcome: Outcome;
  if (args.httpStatus < 200 || args.httpStatus >= 300) outcome = 'failed';
  else if (reply.state) {
    const state = readPath(args.body, reply.state);
    outcome = reply.done.includes(state as never) ? 'done' : reply.queued.includes(state as never) ? 'queued' : 'failed';
  } else outcome = args.httpStatus === 202 ? 'queued' : 'done';
  if (outcome === 'failed') return { outcome, reason: reason ?? `vendor answered ${args.httpStatus}` };
  if (outcome === 'queued') {
    const provisionalId = reply.provisionalId ? asText(readPath(args.body, reply.provisionalId)) : undefined;
    if (provisionalId === undefined) return { outcome: 'failed', reason: `queued answer without ${reply.provisionalId ?? 'a provisional id field in the mapping'}` };
    return { outcome, provisionalId };
  }
  const nic: Record<string, unknown> = {};
  for (const [name, path] of Object.entries(reply.ids)) {
    const value = readPath(args.body, path);
    if (value === undefined) return { outcome: 'failed', reason: `done answer without ${path} (for ${name})` };
    nic[name] = value;
  }
  return { outcome, nic };
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

function asText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
