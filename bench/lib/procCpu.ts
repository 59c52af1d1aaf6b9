import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ; 100 on Linux). */
const TICKS_PER_SEC = 100;

/**
 * CPU time (user + system, ms) used so far by a process and all its descendants, from /proc (Linux).
 * CPU per request is steadier than throughput on a shared machine: other processes slow a server down but
 * barely change what each request costs. Returns NaN where /proc is missing.
 */
export function processTreeCpuMs(rootPid: number): number {
  const stats = readProcStats();
  if (!stats) return NaN;
  let ticks = 0;
  for (const pid of descendantsOf(stats, rootPid)) ticks += stats.get(pid)?.ticks ?? 0;
  return (ticks / TICKS_PER_SEC) * 1000;
}

/** Each process of the tree under `rootPid` (itself included) with its CPU ms so far and its command line. */
export function processTreeByPid(rootPid: number): Array<{ pid: number; cpuMs: number; command: string }> {
  const stats = readProcStats();
  if (!stats) return [];
  return descendantsOf(stats, rootPid).map((pid) => ({ pid, cpuMs: ((stats.get(pid)?.ticks ?? 0) / TICKS_PER_SEC) * 1000, command: commandOf(pid) }));
}

function readProcStats(): Map<number, { ppid: number; ticks: number }> | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of entries) {
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while we read
    }
  }
  return stats;
}

function descendantsOf(stats: Map<number, { ppid: number }>, rootPid: number): number[] {
  const found: number[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    found.push(pid);
    for (const [child, stat] of stats) if (stat.ppid === pid) queue.push(child);
  }
  return found;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}
