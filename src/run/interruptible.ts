import { InterruptedError } from '../errors.ts';
import { onInterrupt } from './interruptSignal.ts';

/**
 * Turns SIGINT/SIGTERM into the end of whatever the run is waiting for: `race(promise)` rejects with an
 * InterruptedError at the first signal, so the run goes straight to its cleanup. `close()` unhooks.
 */
export function interruptible({ log }: { log: (line: string) => void }): {
  race<T>(promise: Promise<T>): Promise<T>;
  interruptedBy(): NodeJS.Signals | undefined;
  close(): void;
} {
  let signalled: NodeJS.Signals | undefined;
  let abort: (reason: Error) => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => (abort = reject));
  aborted.catch(() => undefined);
  const close = onInterrupt((signal) => {
    if (signalled) return;
    signalled = signal;
    log(`${signal}: removing faults, stopping processes, keeping partial results…`);
    abort(new InterruptedError(signal));
  });
  return { race: (promise) => Promise.race([promise, aborted]), interruptedBy: () => signalled, close };
}
