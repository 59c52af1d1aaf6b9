import { readdirSync } from 'node:fs';
import os from 'node:os';

/**
 * Sets the nice value of every thread of a process (Linux: setpriority acts on one thread, and a Go
 * program such as k6 has many; threads it starts later inherit from their creator). Returns how many
 * threads were changed; 0 when the process is gone.
 */
export function reniceProcess({ pid, nice }: { pid: number; nice: number }): number {
  let threads: string[];
  try {
    threads = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  let changed = 0;
  for (const tid of threads) {
    try {
      os.setPriority(Number(tid), nice);
      changed += 1;
    } catch {
      // the thread ended meanwhile
    }
  }
  return changed;
}
