import { join } from 'node:path';
import type { ClientExit, ClientHealth, HarnessFailure } from '../scoring/index.ts';
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
  /** The client's health check before load, and every exit of a client process thap started. */
  client: { health?: ClientHealth; exits: ClientExit[] };
  /** Harness processes that died or stopped answering while the run was live (not at teardown). */
  harness: { failures: HarnessFailure[] };
}

/** `run.json`, kept up to date (atomically) as the run starts things and ends (docs/run-directory.md). */
export class RunRecord {
  readonly info: RunInfo;

  constructor(
    private readonly runDir: string,
    runId: string,
  ) {
    this.info = { runId, status: 'running', startedAt: Date.now(), processes: [], ports: [], events: [], client: { exits: [] }, harness: { failures: [] } };
  }

  private saving: Promise<void> = Promise.resolve();

  /** Writes run.json; saves are queued so that two never share the temporary file. */
  save(): Promise<void> {
    const next = this.saving.catch(() => undefined).then(() => writeJsonAtomic(join(this.runDir, 'run.json'), this.info));
    this.saving = next;
    return next;
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

  /** The health check of the client before load starts (GET <client>/health). */
  clientHealth(health: ClientHealth): Promise<void> {
    this.info.client.health = health;
    return this.save();
  }

  /** A client process thap started exited before the run finished. */
  clientExited(exit: ClientExit): Promise<void> {
    this.info.client.exits.push(exit);
    return this.save();
  }

  /**
   * A harness process died or stopped answering while the run was live. Recorded once per process, the
   * first failure seen (a dead process also stops answering probes: that is the same failure).
   */
  harnessFailed(failure: HarnessFailure): Promise<void> {
    if (this.info.harness.failures.some((known) => known.process === failure.process)) return Promise.resolve();
    this.info.harness.failures.push(failure);
    return this.save();
  }

  harnessFailures(): readonly HarnessFailure[] {
    return this.info.harness.failures;
  }

  finish(status: RunStatus, error?: string): Promise<void> {
    this.info.endedAt = Date.now();
    this.info.status = status;
    if (error !== undefined) this.info.error = error;
    return this.save();
  }
}
