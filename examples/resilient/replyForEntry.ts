import type { RouteReply } from '../shared/jsonServer.ts';
import { doneReply, failedReply, queuedReply } from '../shared/replies.ts';
import type { OutboxEntry } from './outbox.ts';

/** The answer for a write the outbox already knows (a repeated correlation id, or one just accepted). */
export function replyForEntry(entry: OutboxEntry): RouteReply {
  const { correlationId } = entry;
  if (entry.state === 'abandoned') return failedReply({ correlationId, reason: entry.lastError ?? 'given up', httpStatus: 502 });
  if (entry.state === 'submitted') return doneReply({ correlationId, nic: entry.nic ?? {} });
  return queuedReply({ correlationId, provisionalId: entry.provisionalId ?? correlationId, ...(entry.provisional ? { provisional: entry.provisional } : {}) });
}
