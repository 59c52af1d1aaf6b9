import { join } from 'node:path';
import type { DrainResult } from './drainClient.ts';
import { writeJsonAtomic } from './runDirectory.ts';

export type RunStatus = 'completed' | 'interrupted' | 'error';

export interface RunInfo {
  runId: string;
  status: RunStatus | 'running';
  startedAt: number;
  endedAt?: number;
  /** Wall time simulated offset 0 maps to: when k6 started its scenarios. */
  t0?: number;
  error?: string;
  /** What this run started, so that anyone can check nothing survives it. */
  processes: Array<{ name: string; pid: number }>;
  ports: number[];
  /** Things that happened to the run, e.g. the client exiting mid-run (one line each). */
  events: Array<{ at: number; what: string }>;
  drain?: DrainResult;
}

/** `run.json`, kept up to date (atomically) as the run starts things and ends (docs/run-directory.md). */
export class RunRecord {
  readonly info: RunInfo;

  constructor(
    private readonly runDir: string,
    runId: string,
  ) {
    this.info = { runId, status: 'running', startedAt: Date.now(), processes: [], ports: [], events: [] };
  }

  save(): Promise<void> {
    return writeJsonAtomic(join(this.runDir, 'run.json'), this.info);
  }

  /** Records a process (or, without pid, just ports) the run started. */
  started(name: string, pid: number | undefined, urls: string[]): Promise<void> {
    if (pid !== undefined) this.info.processes.push({ name, pid });
    this.info.ports.push(...urls.map((url) => Number(new URL(url).port)));
    return this.save();
  }

  event(what: string): void {
    this.info.events.push({ at: Date.now(), what });
  }

  finish(status: RunStatus, error?: string): Promise<void> {
    this.info.endedAt = Date.now();
    this.info.status = status;
    if (error !== undefined) this.info.error = error;
    return this.save();
  }
}
