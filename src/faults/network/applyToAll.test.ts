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

describe('applyToAll: bytes the proxies received while the fault was applied', () => {
  const counterOf = (readings: Array<Record<string, number> | Error>) => ({
    receivedBytes: async () => {
      const next = readings.shift();
      if (!next || next instanceof Error) throw next ?? new Error('no reading');
      return next;
    },
  });
  const noop = async () => async () => undefined;

  it('counts the bytes of the fault\'s own proxies between apply and remove', async () => {
    const counter = counterOf([{ a: 100, b: 40, other: 7 }, { a: 160, b: 45, other: 900 }]);
    const remove = await applyToAll({ proxies: ['a', 'b'], apply: noop, counter });
    expect(await remove()).toEqual({ bytes: 65 });
  });

  it('counts a proxy first seen after the apply from zero, and says 0 when nothing passed', async () => {
    expect(await (await applyToAll({ proxies: ['a'], apply: noop, counter: counterOf([{}, { a: 30 }]) }))()).toEqual({ bytes: 30 });
    expect(await (await applyToAll({ proxies: ['a'], apply: noop, counter: counterOf([{ a: 5 }, { a: 5 }]) }))()).toEqual({ bytes: 0 });
  });

  it('says null when there is no counter (a disabled proxy) or a reading failed', async () => {
    expect(await (await applyToAll({ proxies: ['a'], apply: noop }))()).toEqual({ bytes: null });
    expect(await (await applyToAll({ proxies: ['a'], apply: noop, counter: counterOf([new Error('404'), { a: 5 }]) }))()).toEqual({ bytes: null });
  });
});
