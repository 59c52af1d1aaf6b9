import { describe, expect, it } from 'vitest';
import { isRunning, processCpuMs, statTicks } from './processCpu.ts';

describe('statTicks', () => {
  it('adds utime and stime after a command name holding spaces and parens', () => {
    const text = '1234 (node (x) y) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 11 0 5000 1000 2000';
    expect(statTicks(text)).toBe(325);
  });
});

describe('processCpuMs', () => {
  it('grows while this process burns CPU and is undefined for a missing pid', () => {
    const before = processCpuMs(process.pid)!;
    const until = Date.now() + 120;
    while (Date.now() < until) Math.sqrt(Math.random());
    expect(processCpuMs(process.pid)!).toBeGreaterThan(before);
    expect(processCpuMs(2 ** 22 + 1)).toBeUndefined();
    expect(isRunning(process.pid)).toBe(true);
    expect(isRunning(2 ** 22 + 1)).toBe(false);
  });
});
