import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ; 100 on Linux). */
const TICKS_PER_SEC = 100;

/**
 * CPU time (user + system, ms) one process has used so far, itself only (not its children), from
 * /proc/<pid>/stat fields 14 and 15. Undefined when the process is gone or /proc is missing.
 */
export function processCpuMs(pid: number): number | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  return (statTicks(text) / TICKS_PER_SEC) * 1_000;
}

/** utime + stime from the text of a /proc/<pid>/stat file (the command name may hold spaces and parens). */
export function statTicks(statText: string): number {
  const fields = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  // After the name: state(0) ppid(1) ... utime(11) stime(12), i.e. fields 14 and 15 of proc(5).
  return Number(fields[11]) + Number(fields[12]);
}

/** Whether a process still runs: it exists and is not a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
