import { withTimeout } from '../util/withTimeout.ts';

export interface CleanupFailure {
  label: string;
  error: Error;
}

/**
 * Everything a run starts registers how to undo it here; `runAll` undoes all of it in reverse order,
 * always to the end, bounding each step by a timeout and collecting every failure instead of stopping at
 * the first. Faults are removed before the processes they live in are stopped because they were added later.
 */
export class CleanupStack {
  private readonly steps: Array<{ label: string; undo: () => Promise<void> | void }> = [];
  private running: Promise<CleanupFailure[]> | undefined;

  defer(label: string, undo: () => Promise<void> | void): void {
    this.steps.push({ label, undo });
  }

  get size(): number {
    return this.steps.length;
  }

  /** Runs every step once, newest first; a second call waits for the first and returns its result. */
  runAll({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<CleanupFailure[]> {
    this.running ??= (async () => {
      const failures: CleanupFailure[] = [];
      while (this.steps.length > 0) {
        const step = this.steps.pop() as (typeof this.steps)[number];
        try {
          await withTimeout(Promise.resolve().then(step.undo), timeoutMs, step.label);
        } catch (error) {
          failures.push({ label: step.label, error: error instanceof Error ? error : new Error(String(error)) });
        }
      }
      return failures;
    })();
    return this.running;
  }
}
