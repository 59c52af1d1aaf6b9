import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU counters (USER_HZ, `getconf CLK_TCK`: 100 on Linux). */
export const TICKS_PER_SECOND = 100;

/** One core's CPU time so far, in ticks: busy (user, nice, system, irq, softirq, steal) and idle (idle, iowait). */
export interface CoreTicks {
  busy: number;
  idle: number;
}

/** One process as /proc/<pid>/stat shows it: its parent, its CPU so far (utime + stime, ticks) and start. */
export interface ProcessTicks {
  ppid: number;
  ticks: number;
  /** Ticks after boot when it started: with the pid it names one process, so a reused pid is a new process. */
  startedAt: number;
}

/** The machine's CPU counters and every process's at one instant, and how long each thread of the run has waited for a CPU. */
export interface ProcSnapshot {
  at: number;
  cores: CoreTicks[];
  processes: Map<number, ProcessTicks>;
  /** Per thread (tid) of the run's tree: ns spent runnable but waiting for a CPU so far (/proc/<pid>/task/<tid>/schedstat). */
  runWaitNs: Map<number, number>;
}

/**
 * The per-core lines of /proc/stat (`cpu0 user nice system idle iowait irq softirq steal guest guest_nice`);
 * guest time is already inside user, so it is not added again.
 */
export function parseCoreTicks(procStat: string): CoreTicks[] {
  const cores: CoreTicks[] = [];
  for (const line of procStat.split('\n')) {
    if (!/^cpu\d+ /.test(line)) continue;
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.split(/\s+/).slice(1).map(Number);
    cores.push({ busy: user + nice + system + irq + softirq + steal, idle: idle + iowait });
  }
  return cores;
}

/**
 * One /proc/<pid>/stat line. The command name is in parentheses and may hold spaces and parentheses, so the
 * fields are counted from its last `)`: state, ppid, ... utime (14th field of proc(5)), stime, ..., starttime (22nd).
 */
export function parseProcessTicks(statLine: string): ProcessTicks | undefined {
  const after = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
  const [ppid, utime, stime, startedAt] = [after[1], after[11], after[12], after[19]].map(Number);
  if ([ppid, utime, stime, startedAt].some((value) => value === undefined || !Number.isFinite(value))) return undefined;
  return { ppid: ppid as number, ticks: (utime as number) + (stime as number), startedAt: startedAt as number };
}

/** `root` and every process below it in `processes` (by parent pid). */
export function treeOf(root: number, processes: Map<number, ProcessTicks>): Set<number> {
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of processes) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree = new Set<number>();
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    if (tree.has(pid)) continue;
    tree.add(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Per thread of these processes, ns it has waited on a run queue so far (the 2nd field of its schedstat); threads that ended are left out. */
function waitsOf(pids: Set<number>): Map<number, number> {
  const waits = new Map<number, number>();
  for (const pid of pids) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const waited = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[1]);
        if (Number.isFinite(waited)) waits.set(Number(tid), waited);
      } catch {
        // the thread ended while we read
      }
    }
  }
  return waits;
}

/** Reads /proc/stat, every /proc/<pid>/stat and the schedstat of every thread of `root`'s tree now; undefined where the system has no /proc (not Linux). */
export function takeProcSnapshot({ root }: { root: number }): ProcSnapshot | undefined {
  let procStat: string;
  let names: string[];
  try {
    procStat = readFileSync('/proc/stat', 'utf8');
    names = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const processes = new Map<number, ProcessTicks>();
  for (const name of names) {
    if (name.charCodeAt(0) > 57) continue; // not a pid: /proc/self, /proc/stat, ...
    let line: string;
    try {
      line = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // it ended while we read
    }
    const parsed = parseProcessTicks(line);
    if (parsed) processes.set(Number(name), parsed);
  }
  return { at: Date.now(), cores: parseCoreTicks(procStat), processes, runWaitNs: waitsOf(treeOf(root, processes)) };
}
