import { describe, expect, it } from 'vitest';
import { DueQueue } from './dueQueue.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
