import type { RemoveFault } from '../faultKind.ts';

/**
 * Applies one change to each of several proxies and returns one undo for all of them. If a change fails,
 * the ones already made are undone before the error is thrown, so nothing is left half applied; the undo
 * tries every proxy even when one fails, then reports the failures together.
 */
export async function applyToAll({ proxies, apply }: { proxies: string[]; apply: (proxy: string) => Promise<RemoveFault> }): Promise<RemoveFault> {
  const removals: RemoveFault[] = [];
  const removeAll: RemoveFault = async () => {
    const results = await Promise.allSettled(removals.map((remove) => remove()));
    const failed = results.flatMap((result) => (result.status === 'rejected' ? [(result.reason as Error).message] : []));
    if (failed.length > 0) throw new Error(failed.join('; '));
  };
  for (const proxy of proxies) {
    try {
      removals.push(await apply(proxy));
    } catch (error) {
      await removeAll().catch(() => undefined);
      throw error;
    }
  }
  return removeAll;
}
