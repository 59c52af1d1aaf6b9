import { readdirSync, readFileSync } from 'node:fs';

/** The fields of `/proc/<pid>/stat` after the command name (which is in parentheses and may hold spaces). */
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * When a process started, as the kernel counts it (field 22 of `/proc/<pid>/stat`, clock ticks since boot):
 * together with the pid it names one process, so a pid the system has since given to another process is
 * never signalled. Undefined when the process is gone or the system has no /proc.
 */
export function processStartTime(pid: number): string | undefined {
  return statFields(pid)?.[19];
}

/** Whether a signal could reach this pid (or, negative, this process group): alive, or at least not yet reaped. */
export function signallable(target: number): boolean {
  try {
    process.kill(target, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function procPids(): string[] | undefined {
  try {
    return readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
}

/**
 * Whether any process of the group `pgid` is still running. A zombie (exited, not yet reaped: in a container
 * whose pid 1 does not reap orphans it may stay one) counts as gone: it holds no port and runs nothing.
 * Without /proc, whether the group can be signalled at all.
 */
export function groupRunning(pgid: number): boolean {
  const pids = procPids();
  if (!pids) return signallable(-pgid);
  return pids.some((pid) => {
    const fields = statFields(pid);
    return fields !== undefined && Number(fields[2]) === pgid && fields[0] !== 'Z';
  });
}

/** Whether this process is running: it exists and is not a zombie (without /proc: whether it can be signalled). */
export function processRunning(pid: number): boolean {
  const fields = statFields(pid);
  if (fields) return fields[0] !== 'Z';
  return procPids() === undefined && signallable(pid);
}
