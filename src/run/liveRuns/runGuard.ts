import { join } from 'node:path';
import { type GuardedProcess, processStartTime, startWatchdog } from '../../stack/lifeline/index.ts';
import type { ProcessGuard } from '../../stack/index.ts';
import { removeLiveRun, writeLiveRun, type LiveRunRecord } from './liveRunRecord.ts';

export interface RunGuard extends ProcessGuard {
  /** The run starts containers labelled with its id. */
  containers(): void;
  proxy(entry: { apiUrl: string; name: string }): void;
  /** The run has stopped what it started: ends the watchdog's lifeline and removes the live record. */
  close(): void;
}

/**
 * Guards one run against thap dying: a watchdog process (told of every process group and of the run's
 * containers) and the live-run record in `runsDir`, both updated the moment something starts.
 */
export function startRunGuard({ runId, runDir, runsDir }: { runId: string; runDir: string; runsDir: string }): RunGuard {
  const watchdog = startWatchdog({ logFile: join(runDir, 'watchdog.log') });
  const startTime = processStartTime(process.pid);
  const record: LiveRunRecord = { runId, runDir, owner: { name: 'thap', pid: process.pid, ...(startTime ? { startTime } : {}) }, processes: [], containers: false, proxies: [] };
  let closed = false;
  // A process that finishes starting after the run closed (a start an interrupt abandoned) is stopped by the
  // cleanup at once: the record, already removed, is not written again.
  const save = () => {
    if (!closed) writeLiveRun(runsDir, record);
  };
  save();
  return {
    adopt(entry: GuardedProcess) {
      watchdog.watch(entry);
      record.processes.push(entry);
      save();
    },
    containers() {
      watchdog.watchContainers(runId);
      record.containers = true;
      save();
    },
    proxy(entry) {
      record.proxies.push(entry);
      save();
    },
    close() {
      if (closed) return;
      closed = true;
      watchdog.close();
      removeLiveRun(runsDir, runId);
    },
  };
}
