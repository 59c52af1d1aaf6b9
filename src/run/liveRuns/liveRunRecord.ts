import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GuardedProcess, isOurs, processRunning } from '../../stack/lifeline/index.ts';
import { resolveCacheDir } from '../../stack/tools/index.ts';

/**
 * What a live run has started, kept in `<cache dir>/runs/<runId>.json` from its first process to its end
 * (docs/run-directory.md "What happens when a run is killed"): enough for another thap to tell that the run's
 * thap is gone and to undo what it left.
 */
export interface LiveRunRecord {
  runId: string;
  runDir: string;
  /** The thap process that owns the run; the run is dead when this process (pid and start time) is gone. */
  owner: GuardedProcess;
  processes: GuardedProcess[];
  /** Whether the run started containers (labelled `thap.run=<runId>`). */
  containers: boolean;
  /** Toxiproxy proxies the run created, to remove from a Toxiproxy server that survives. */
  proxies: Array<{ apiUrl: string; name: string }>;
}

export function liveRunsDir({ cacheDir, env }: { cacheDir?: string; env?: NodeJS.ProcessEnv } = {}): string {
  return join(resolveCacheDir({ ...(cacheDir ? { cacheDir } : {}), ...(env ? { env } : {}) }), 'runs');
}

/** Writes the record atomically (a temporary file, then a rename) and synchronously, so it is on disk before the next process starts. */
export function writeLiveRun(dir: string, record: LiveRunRecord): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${record.runId}.json`);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(temporary, file);
}

export function removeLiveRun(dir: string, runId: string): void {
  rmSync(join(dir, `${runId}.json`), { force: true });
}

/** Every record in the directory (none when it does not exist); a file that cannot be read as one is skipped. */
export function readLiveRuns(dir: string): LiveRunRecord[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const records: LiveRunRecord[] = [];
  for (const name of names) {
    try {
      const value = JSON.parse(readFileSync(join(dir, name), 'utf8')) as LiveRunRecord;
      if (typeof value.runId === 'string' && typeof value.owner?.pid === 'number' && Array.isArray(value.processes)) records.push({ ...value, proxies: value.proxies ?? [] });
    } catch {
      // Half a file from another thap's write, or not ours.
    }
  }
  return records;
}

/** Whether the thap that owns the run is still running (the same process: pid and start time). */
export function ownerAlive(record: LiveRunRecord): boolean {
  return processRunning(record.owner.pid) && isOurs(record.owner);
}
