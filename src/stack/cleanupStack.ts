import { withTimeout } from '../util/index.ts';

export interface CleanupFailure {
  label: string;
  error: Error;
}

type Step = { label: string; undo: () => Promise<void> | void };

/**
 * Everything a run starts registers how to undo it here; `runAll` undoes all of it in reverse order,
 * always to the end, bounding each step by a timeout and collecting every failure instead of stopping at
 * the first. Faults are removed before the processes they live in are stopped because they were added later.
 * Something that finishes starting after `runAll` began (a start an interrupt abandoned) is undone at once.
 */
export class CleanupStack {
  private readonly steps: Step[] = [];
  private running: Promise<CleanupFailure[]> | undefined;
  private readonly late: Array<Promise<CleanupFailure | undefined>> = [];

  defer(label: string, undo: () => Promise<void> | void): void {
    if (this.running) this.late.push(undoStep({ label, undo }, 10_000));
    else this.steps.push({ label, undo });
  }

  /** The failures of the steps deferred after `runAll` began, once every one of them has run. */
  async lateFailures(): Promise<CleanupFailure[]> {
    return (await Promise.all(this.late)).filter((failure): failure is CleanupFailure => failure !== undefined);
  }

  get size(): number {
    return this.steps.length;
  }

  /** Runs every step once, newest first; a second call waits for the first and returns its result. */
  runAll({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<CleanupFailure[]> {
    this.running ??= (async () => {
      const failures: CleanupFailure[] = [];
      while (this.steps.length > 0) {
        const failure = await undoStep(this.steps.pop() as Step, timeoutMs);
        if (failure) failures.push(failure);
      }
      return failures;
    })();
    return this.running;
  }
}

async function undoStep(step: Step, timeoutMs: number): Promise<CleanupFailure | undefined> {
  try {
    await withTimeout(Promise.resolve().then(step.undo), timeoutMs, step.label);
    return undefined;
  } catch (error) {
    return { label: step.label, error: error instanceof Error ? error : new Error(String(error)) };
  }
}
