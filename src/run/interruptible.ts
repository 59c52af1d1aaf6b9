import { InterruptedError } from '../core/index.ts';
import { onInterrupt } from './interruptSignal.ts';

/**
 * Turns SIGINT/SIGTERM into the end of whatever the run is waiting for: `race(promise)` rejects with an
 * InterruptedError at the first signal, and `signal` aborts, so the run goes straight to its cleanup. Later
 * signals are ignored until `close()` unhooks (so cleanup and the partial report finish).
 */
export function interruptible({ log }: { log: (line: string) => void }): {
  race<T>(promise: Promise<T>): Promise<T>;
  interruptedBy(): NodeJS.Signals | undefined;
  /** Aborted at the first signal: for waits that poll (the drain). */
  signal: AbortSignal;
  close(): void;
} {
  let signalled: NodeJS.Signals | undefined;
  let abort: (reason: Error) => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => (abort = reject));
  aborted.catch(() => undefined);
  const controller = new AbortController();
  const close = onInterrupt((signal) => {
    if (signalled) return;
    signalled = signal;
    log(`${signal}: removing faults, stopping processes, keeping partial results…`);
    const error = new InterruptedError(signal);
    abort(error);
    controller.abort(error);
  });
  return { race: (promise) => Promise.race([promise, aborted]), interruptedBy: () => signalled, signal: controller.signal, close };
}
