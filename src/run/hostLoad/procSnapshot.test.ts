import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCoreTicks, parseProcessTicks, takeProcSnapshot } from './procSnapshot.ts';

describe('reading /proc', () => {
  it('per core: busy is user+nice+system+irq+softirq+steal, idle is idle+iowait; the all-cores line is skipped', () => {
    const procStat = ['cpu  300 30 60 900 9 0 6 3 50 0', 'cpu0 100 10 20 400 4 0 2 1 50 0', 'cpu1 200 20 40 500 5 0 4 2 0 0', 'intr 1 2 3'].join('\n');
    expect(parseCoreTicks(procStat)).toEqual([
      { busy: 133, idle: 404 },
      { busy: 266, idle: 505 },
    ]);
  });

  it('a process line: parent, utime+stime and start, counted from the last parenthesis of the name', () => {
    const line = '4242 (node (worker) x) S 17 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 30 10 11 0 98765 1000000 5000 18446744073709551615';
    expect(parseProcessTicks(line)).toEqual({ ppid: 17, ticks: 300, startedAt: 98765 });
    expect(parseProcessTicks('4242 (cut short) S 17')).toBeUndefined();
  });

  it.skipIf(!existsSync('/proc/stat'))("a snapshot of this machine holds this process under its parent, one entry per core and the run tree's threads' waits", () => {
    const snapshot = takeProcSnapshot({ root: process.pid });
    expect(snapshot?.processes.get(process.pid)?.ppid).toBe(process.ppid);
    expect(snapshot?.cores.length).toBeGreaterThan(0);
    expect(snapshot?.cores.every((core) => core.busy + core.idle > 0)).toBe(true);
    expect(snapshot?.runWaitNs.has(process.pid)).toBe(true);
  });
});
