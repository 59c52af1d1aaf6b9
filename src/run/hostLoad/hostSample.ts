import type { HostSample, RunProcessName } from '../../scoring/index.ts';
import { TICKS_PER_SECOND, type ProcSnapshot } from './procSnapshot.ts';

const msOf = (ticks: number) => (ticks * 1_000) / TICKS_PER_SECOND;

/** `root` and every process below it in `processes` (by parent pid). */
function treeOf(root: number, processes: ProcSnapshot['processes']): Set<number> {
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

/**
 * The host.ndjson line for the interval between two snapshots: the machine's busy and idle CPU, the CPU of
 * the run's tree (`root` and its descendants now; a process new since `before` counts all its CPU, one that
 * ended in between loses its last interval's share), and the CPU of the processes outside the run, by nice value.
 */
export function hostSample({ before, after, root, runIncludes }: { before: ProcSnapshot; after: ProcSnapshot; root: number; runIncludes: RunProcessName[] }): HostSample {
  const cores = after.cores.map((core, index) => {
    const earlier = before.cores[index] ?? { busy: 0, idle: 0 };
    return { busy: Math.max(0, core.busy - earlier.busy), idle: Math.max(0, core.idle - earlier.idle) };
  });
  const tree = treeOf(root, after.processes);
  let runTicks = 0;
  const otherTicks = new Map<number, number>();
  for (const [pid, now] of after.processes) {
    const then = before.processes.get(pid);
    const used = then && then.startedAt === now.startedAt ? Math.max(0, now.ticks - then.ticks) : now.ticks;
    if (used === 0) continue;
    if (tree.has(pid)) runTicks += used;
    else otherTicks.set(now.nice, (otherTicks.get(now.nice) ?? 0) + used);
  }
  const busy = cores.reduce((sum, core) => sum + core.busy, 0);
  return {
    t: after.at,
    wallMs: Math.max(1, after.at - before.at),
    cores: cores.length,
    busyMs: msOf(busy),
    idleMs: msOf(cores.reduce((sum, core) => sum + core.idle, 0)),
    runMs: msOf(runTicks),
    runNice: after.processes.get(root)?.nice ?? 0,
    otherByNiceMs: Object.fromEntries([...otherTicks].sort(([a], [b]) => a - b).map(([nice, ticks]) => [String(nice), msOf(ticks)])),
    coreBusy: cores.map((core) => (core.busy + core.idle > 0 ? Math.round((core.busy / (core.busy + core.idle)) * 100) / 100 : 0)),
    runIncludes,
  };
}
