import { readdirSync, readFileSync } from 'node:fs';
import { processRunning, processStartTime } from '../../src/stack/lifeline/processStartTime.ts';

export interface TreeProcess {
  pid: number;
  startTime: string;
  command: string;
}

/** Field `index` of `/proc/<pid>/stat` counted after the command name (0: state, 1: parent, 2: process group). */
function statField(pid: number, index: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[index]);
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  return statField(pid, 1);
}

/**
 * Whether `pid` is one of `roots` or comes from one: a descendant of one, or in the process group one leads.
 * thap starts each of its processes as a group leader (detached), so the group still names a process's
 * children once their parent has died and they were handed to init.
 */
export function comesFrom(pid: number, roots: ReadonlySet<number>): boolean {
  const group = statField(pid, 2);
  if (group !== undefined && roots.has(group)) return true;
  for (let each: number | undefined = pid; each !== undefined && each > 0; each = parentOf(each)) {
    if (roots.has(each)) return true;
  }
  return false;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '?';
  }
}

/** Every live descendant of `pid` (children, their children, ...), each with its start time (Linux /proc). */
export function descendantsOf(pid: number): TreeProcess[] {
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  const children = new Map<number, number[]>();
  for (const each of pids) {
    const parent = parentOf(each);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), each]);
  }
  const found: TreeProcess[] = [];
  const queue = [...(children.get(pid) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as number;
    const startTime = processStartTime(next);
    if (startTime !== undefined) found.push({ pid: next, startTime, command: commandOf(next) });
    queue.push(...(children.get(next) ?? []));
  }
  return found;
}

/** Those of `processes` still alive as the same process (a zombie waiting to be reaped counts as gone). */
export function stillAlive(processes: TreeProcess[]): TreeProcess[] {
  return processes.filter((entry) => processStartTime(entry.pid) === entry.startTime && processRunning(entry.pid));
}
