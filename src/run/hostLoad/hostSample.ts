import type { HostSample, RunProcessName } from '../../scoring/index.ts';
import { TICKS_PER_SECOND, treeOf, type ProcSnapshot } from './procSnapshot.ts';

const msOf = (ticks: number) => (ticks * 1_000) / TICKS_PER_SECOND;

/**
 * The host.ndjson line for the interval between two snapshots: the machine's busy and idle CPU, the CPU of
 * the run's tree (`root` and its descendants now; a process new since `before` counts all its CPU, one that
 * ended in between loses its last interval's share), and how long the run's threads waited for a CPU (a
 * thread new since `before` counts all its wait).
 */
export function hostSample({ before, after, root, runIncludes }: { before: ProcSnapshot; after: ProcSnapshot; root: number; runIncludes: RunProcessName[] }): HostSample {
  const cores = after.cores.map((core, index) => {
    const earlier = before.cores[index] ?? { busy: 0, idle: 0 };
    return { busy: Math.max(0, core.busy - earlier.busy), idle: Math.max(0, core.idle - earlier.idle) };
  });
  const tree = treeOf(root, after.processes);
  let runTicks = 0;
  for (const [pid, now] of after.processes) {
    const then = before.processes.get(pid);
    const used = then && then.startedAt === now.startedAt ? Math.max(0, now.ticks - then.ticks) : now.ticks;
    if (tree.has(pid)) runTicks += used;
  }
  let waitNs = 0;
  for (const [tid, waited] of after.runWaitNs) waitNs += Math.max(0, waited - (before.runWaitNs.get(tid) ?? 0));
  const busy = cores.reduce((sum, core) => sum + core.busy, 0);
  return {
    t: after.at,
    wallMs: Math.max(1, after.at - before.at),
    cores: cores.length,
    busyMs: msOf(busy),
    idleMs: msOf(cores.reduce((sum, core) => sum + core.idle, 0)),
    runMs: msOf(runTicks),
    runWaitMs: Math.round(waitNs / 1e6),
    coreBusy: cores.map((core) => (core.busy + core.idle > 0 ? Math.round((core.busy / (core.busy + core.idle)) * 100) / 100 : 0)),
    runIncludes,
  };
}
