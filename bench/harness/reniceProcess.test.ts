import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { reniceProcess } from './reniceProcess.ts';

describe('reniceProcess', () => {
  it('lowers the priority of every thread of a running process and answers 0 for a missing one', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      // node has started its worker threads (later on a loaded machine)
      await expect.poll(() => readdirSync(`/proc/${child.pid}/task`).length, { timeout: 10_000 }).toBeGreaterThan(1);
      const threads = readdirSync(`/proc/${child.pid}/task`);
      expect(reniceProcess({ pid: child.pid!, nice: 10 })).toBe(threads.length);
      expect(os.getPriority(child.pid!)).toBe(10);
      // field 19 of a thread's stat is its nice value
      const nice = (tid: string) => Number(readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
      expect(threads.map(nice)).toEqual(threads.map(() => 10));
    } finally {
      child.kill();
    }
    expect(reniceProcess({ pid: 2 ** 22 + 1, nice: 10 })).toBe(0);
  });
});
