import type { GuardedProcess } from './endProcessGroups.ts';

/**
 * What thap tells its watchdog, one JSON line each on the watchdog's stdin (the lifeline): a process group to
 * end, or a run whose labelled containers to remove.
 */
export type WatchdogMessage = { process: GuardedProcess } | { containers: { runId: string } };

export function encodeWatchdogMessage(message: WatchdogMessage): string {
  return `${JSON.stringify(message)}\n`;
}

/** Reads one line; a line that is not a message is ignored (undefined). */
export function decodeWatchdogMessage(line: string): WatchdogMessage | undefined {
  try {
    const value = JSON.parse(line) as Record<string, unknown>;
    const entry = value.process as Partial<GuardedProcess> | undefined;
    if (entry && typeof entry.name === 'string' && Number.isInteger(entry.pid) && (entry.pid as number) > 0) {
      return { process: { name: entry.name, pid: entry.pid as number, ...(typeof entry.startTime === 'string' ? { startTime: entry.startTime } : {}) } };
    }
    const containers = value.containers as { runId?: unknown } | undefined;
    if (containers && typeof containers.runId === 'string') return { containers: { runId: containers.runId } };
  } catch {
    // Not JSON.
  }
  return undefined;
}
