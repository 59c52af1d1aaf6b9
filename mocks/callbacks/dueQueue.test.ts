import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DueQueue } from './dueQueue.ts';

// The queue's timers and Date.now on vitest's fake clock: time passes only when a test says so, so a loaded
// machine cannot run an item late into the next check.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});
const sleep = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('DueQueue', () => {
  it('runs items in due order, equal times in the order added, none before its time', async () => {
    const ran: string[] = [];
    const queue = new DueQueue<string>((item) => ran.push(item));
    const now = Date.now();
    queue.add(now + 60, 'late');
    queue.add(now + 20, 'a');
    queue.add(now + 20, 'b');
    queue.add(now, 'now');
    await sleep(5);
    expect(ran).toEqual(['now']);
    await sleep(40);
    expect(ran).toEqual(['now', 'a', 'b']);
    expect(queue.size).toBe(1);
    await sleep(40);
    expect(ran).toEqual(['now', 'a', 'b', 'late']);
    expect(queue.size).toBe(0);
  });

  it('an item added while draining, and thousands in a row, all run once', async () => {
    const ran: number[] = [];
    const queue = new DueQueue<number>((item) => {
      ran.push(item);
      if (item === 0) queue.add(Date.now(), -1);
    });
    const now = Date.now();
    for (let i = 0; i < 3000; i++) queue.add(now + (i % 3), i);
    await sleep(30);
    expect(ran).toHaveLength(3001);
    expect(new Set(ran).size).toBe(3001);
  });

  it('clear() drops what has not run', async () => {
    const ran: number[] = [];
    const queue = new DueQueue<number>((item) => ran.push(item));
    queue.add(Date.now() + 10, 1);
    queue.clear();
    await sleep(30);
    expect(ran).toEqual([]);
  });
});

describe('DueQueue with mixed delays', () => {
  it('runs thousands of items with interleaved delays in due order, ties in the order added', async () => {
    const ran: Array<{ at: number; n: number }> = [];
    const queue = new DueQueue<{ at: number; n: number }>((item) => ran.push(item));
    const now = Date.now();
    // As payment schedules them: a long delay and a short one per request, plus random ones (a `late` fault).
    let n = 0;
    for (let i = 0; i < 2000; i++) {
      for (const at of [now + 40, now + 5 + (i % 7), now + Math.floor(Math.random() * 30)]) queue.add(at, { at, n: n++ });
    }
    await sleep(80);
    expect(ran).toHaveLength(6000);
    expect(queue.size).toBe(0);
    for (let i = 1; i < ran.length; i++) {
      const [a, b] = [ran[i - 1]!, ran[i]!];
      expect(a.at < b.at || (a.at === b.at && a.n < b.n)).toBe(true);
    }
  });
});
