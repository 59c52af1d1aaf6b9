import { readFileSync } from 'node:fs';

/**
 * When a process started, as the kernel counts it (field 22 of `/proc/<pid>/stat`, clock ticks since boot):
 * together with the pid it names one process, so a pid the system has since given to another process is
 * never signalled. Undefined when the process is gone or the system has no /proc.
 */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its last `)`.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}
