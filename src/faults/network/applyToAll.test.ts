import { describe, expect, it } from 'vitest';
import { applyToAll } from './applyToAll.ts';

describe('applyToAll', () => {
  it('undoes every proxy, even after one undo fails, and reports the failure', async () => {
    const undone: string[] = [];
    const remove = await applyToAll({
      proxies: ['a', 'b', 'c'],
      apply: async (proxy) => async () => {
        undone.push(proxy);
        if (proxy === 'b') throw new Error('b is gone');
      },
    });
    await expect(remove()).rejects.toThrow('b is gone');
    expect(undone.sort()).toEqual(['a', 'b', 'c']);
  });

  it('when a change fails, undoes the ones already made before throwing', async () => {
    const undone: string[] = [];
    const attempt = applyToAll({
      proxies: ['a', 'b', 'c'],
      apply: async (proxy) => {
        if (proxy === 'c') throw new Error('c refused');
        return async () => void undone.push(proxy);
      },
    });
    await expect(attempt).rejects.toThrow('c refused');
    expect(undone.sort()).toEqual(['a', 'b']);
  });
});
