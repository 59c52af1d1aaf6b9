import type { CallbackTarget } from './callbackTarget.ts';
import type { PostOutcome } from './postCallback.ts';

/** One callback to POST now: where, the JSON text, extra headers, and who to tell how it went. */
export interface PostJob {
  target: CallbackTarget;
  payload: string;
  headers: Record<string, string> | undefined;
  onDone: (outcome: PostOutcome) => void;
}

/**
 * What actually sends callbacks once they are due: in the serving thread (`InlinePoster`) or from a worker
 * thread (`WorkerPoster`). Either reports every job's outcome exactly once, unless closed first.
 */
export interface CallbackPoster {
  post(job: PostJob): void;
  /** Gets ready to send (starts a worker); resolves once it is. */
  warm(): Promise<void>;
  close(): Promise<void>;
}

/** Where callbacks are sent from: `worker` (a worker thread, the default) or `inline` (the serving thread). */
export type CallbackThread = 'worker' | 'inline';
