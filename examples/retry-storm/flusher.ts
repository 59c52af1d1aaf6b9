import { hammer } from './hammer.ts';
import type { EventLogger } from '../shared/outcomeLog.ts';
import { sleep } from '../shared/timeScale.ts';
import type { PendingQueue, PendingWrite } from './pendingQueue.ts';
import type { RetryStormSettings } from './settings.ts';

/**
 * Every `flushEveryMs` it hammers NIC with everything in the queue, all at once (each write `attempts` times
 * back to back, no idempotency key): the storm while NIC is sick and the spike when it comes back. A write
 * that has failed `maxRounds` flushes is dropped (logged as `abandoned`). Flushes start on a fixed schedule
 * (every `flushEveryMs` from the start); one that overruns its slot skips the slots it missed.
 */
export function startFlusher(args: { queue: PendingQueue; settings: RetryStormSettings; logEvent: EventLogger }) {
  const controller = new AbortController();
  const every = args.settings.flushEveryMs;
  const loop = async () => {
    const startedAt = Date.now();
    while (!controller.signal.aborted) {
      const nextSlot = startedAt + (Math.floor((Date.now() - startedAt) / every) + 1) * every;
      await sleep(nextSlot - Date.now(), controller.signal);
      const batch = args.queue.all();
      for (let start = 0; start < batch.length && !controller.signal.aborted; start += args.settings.flushConcurrency) {
        await Promise.all(batch.slice(start, start + args.settings.flushConcurrency).map((item) => resend({ ...args, item })));
      }
    }
  };
  const running = loop();
  return {
    stop: async () => {
      controller.abort();
      await running;
    },
  };
}

async function resend(args: { queue: PendingQueue; settings: RetryStormSettings; logEvent: EventLogger; item: PendingWrite }): Promise<void> {
  const { item } = args;
  const { last: attempt } = await hammer({
    baseUrl: item.baseUrl,
    nicRequest: item.nicRequest,
    correlationId: item.correlationId,
    session: item.session,
    attempts: args.settings.attempts,
    attemptTimeoutMs: args.settings.attemptTimeoutMs,
  });
  if (attempt.kind === 'ok') {
    args.queue.remove(item.correlationId);
    args.logEvent({ event: 'flushed', step: item.step.step, correlationId: item.correlationId, rounds: item.rounds + 1 });
    return;
  }
  item.rounds += 1;
  if (item.rounds >= args.settings.maxRounds || (attempt.kind === 'error-status' && !attempt.retryable)) {
    args.queue.remove(item.correlationId);
    args.logEvent({ event: 'abandoned', step: item.step.step, correlationId: item.correlationId, rounds: item.rounds });
  }
}
