import type { FaultTouch, RemoveFault } from '../faultRuntime.ts';
import type { ToxiproxyControl } from './toxiproxyControl.ts';

/**
 * Applies one change to each of several proxies and returns one undo for all of them. If a change fails,
 * the ones already made are undone before the error is thrown, so nothing is left half applied; the undo
 * tries every proxy even when one fails, then reports the failures together.
 *
 * With `counter` (a fault that leaves its proxies enabled), the undo also says how many bytes the proxies
 * received while the change was in place: read once the change is made and again as the undo starts
 * (issued before the undo so that it counts only the fault's own window). `bytes` is null when the
 * proxies were disabled (`counter` absent) or a read failed.
 */
export async function applyToAll({ proxies, apply, counter }: {
  proxies: string[];
  apply: (proxy: string) => Promise<RemoveFault>;
  counter?: Pick<ToxiproxyControl, 'receivedBytes'>;
}): Promise<RemoveFault> {
  const removals: RemoveFault[] = [];
  const undoAll = async () => {
    const results = await Promise.allSettled(removals.map((remove) => remove()));
    const failed = results.flatMap((result) => (result.status === 'rejected' ? [(result.reason as Error).message] : []));
    if (failed.length > 0) throw new Error(failed.join('; '));
  };
  for (const proxy of proxies) {
    try {
      removals.push(await apply(proxy));
    } catch (error) {
      await undoAll().catch(() => undefined);
      throw error;
    }
  }
  const bytesNow = async (): Promise<number | null> => {
    if (!counter) return null;
    const received = await counter.receivedBytes().catch(() => undefined);
    return received ? proxies.reduce((sum, proxy) => sum + (received[proxy] ?? 0), 0) : null;
  };
  const atApply = await bytesNow();
  return async (): Promise<FaultTouch> => {
    const atRemove = bytesNow();
    await undoAll();
    const end = await atRemove;
    return { bytes: atApply === null || end === null ? null : Math.max(0, end - atApply) };
  };
}
