import type { RouteReply } from './jsonServer.ts';

/** 200: NIC accepted the step; `nic` holds NIC's own ids (uhid, visitId, ...). */
export function doneReply(args: { correlationId: string; nic: Record<string, unknown> }): RouteReply {
  return { status: 200, body: { status: 'done', correlationId: args.correlationId, nic: args.nic } };
}

/** 202: the client accepted the step for later; `provisionalId` is the client's own id until NIC answers. */
export function queuedReply(args: { correlationId: string; provisionalId: string; provisional?: Record<string, unknown> }): RouteReply {
  return {
    status: 202,
    body: { status: 'queued', correlationId: args.correlationId, provisionalId: args.provisionalId, ...(args.provisional ? { provisional: args.provisional } : {}) },
  };
}

/**
 * The step failed and nothing was kept. 502 when NIC answered with an error, 503 when NIC could not be
 * reached (or the client refused to try), 400 when the request itself was wrong.
 */
export function failedReply(args: { correlationId: string; reason: string; httpStatus: 400 | 502 | 503 }): RouteReply {
  return { status: args.httpStatus, body: { status: 'failed', correlationId: args.correlationId, reason: args.reason } };
}
