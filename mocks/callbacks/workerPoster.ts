import type { Worker } from 'node:worker_threads';
import type { CallbackPoster, PostJob } from './callbackPoster.ts';
import { InlinePoster } from './inlinePoster.ts';
import type { PostOutcome } from './postCallback.ts';
import { startTsWorker } from '../../src/util/index.ts';

/** What callbackWorker.ts posts back: `ready` once loaded; then `done`, flat `[ref, status, ...]`, and `failed`, one triple per failure. */
type WorkerMessage = { ready: true } | { done: number[]; failed: Array<[number, number | null, string]> };

/**
 * Sends callbacks from a worker thread, so that the outgoing HTTP (about as dear as serving a request) runs on
 * another core than the serving thread. The serving thread only hands each due callback over, batched: one
 * `postMessage` per tick carrying every callback that fell due in it; the worker posts outcomes back batched
 * the same way. Its CPU is spent on another core, not saved (docs/mocks-performance.md).
 *
 * The worker starts on `warm()` or the first `post()` and takes a few hundred ms to load (tsx, undici): until it
 * says it is ready, callbacks go out from the serving thread, so a small run's first callbacks are not late.
 * If the worker fails, the callbacks it held are recorded as failed and later ones go out from the serving thread.
 */
export class WorkerPoster implements CallbackPoster {
  private worker: Worker | undefined;
  private ready = false;
  /** Sends from the serving thread while the worker loads, and for good if it fails. */
  private readonly inline: InlinePoster;
  private failed = false;
  private outbox: Array<number | string | Record<string, string> | null> = [];
  private readonly pending = new Map<number, (outcome: PostOutcome) => void>();
  private ref = 0;
  private flushScheduled = false;
  private closed = false;
  private readyWaiters: Array<() => void> = [];
  /** How many callbacks went out from the serving thread (worker loading or failed) and from the worker. */
  readonly sent = { inline: 0, worker: 0 };

  /** `entry`: the worker's module (tests give one that fails). */
  constructor(
    private readonly timeoutMs: number,
    private readonly entry: URL = new URL('./callbackWorker.ts', import.meta.url),
  ) {
    this.inline = new InlinePoster(timeoutMs);
  }

  /** Starts the worker ahead of the first callback; resolves once it is ready (or has failed, or on close). */
  warm(): Promise<void> {
    if (!this.worker && !this.failed && !this.closed) this.worker = this.start();
    if (this.ready || this.failed || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  post(job: PostJob): void {
    if (this.closed) return;
    if (!this.ready) {
      void this.warm();
      this.sent.inline++;
      return this.inline.post(job);
    }
    this.sent.worker++;
    const ref = ++this.ref;
    this.pending.set(ref, job.onDone);
    this.outbox.push(ref, job.target.origin, job.target.path, job.payload, job.headers ?? null);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(this.flush);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeWaiters();
    this.pending.clear();
    this.outbox = [];
    await Promise.all([this.worker?.terminate(), this.inline.close()]);
  }

  private readonly flush = (): void => {
    this.flushScheduled = false;
    if (this.closed || this.outbox.length === 0) return;
    const batch = this.outbox;
    this.outbox = [];
    this.worker?.postMessage(batch);
  };

  private start(): Worker {
    // `execArgv: []` keeps a parent's `--import tsx` from loading tsx twice (startTsWorker registers it).
    const worker = startTsWorker(this.entry, { execArgv: [], workerData: { timeoutMs: this.timeoutMs } });
    // The servers keep the process alive; a callback still in flight must not.
    worker.unref();
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        this.ready = !this.failed && !this.closed;
        this.wakeWaiters();
      } else this.settle(message);
    });
    worker.once('error', (error) => this.failOver(`callback worker failed: ${error.message}`));
    worker.once('exit', (code) => this.failOver(`callback worker exited with code ${code}`));
    return worker;
  }

  private settle({ done, failed }: { done: number[]; failed: Array<[number, number | null, string]> }): void {
    for (let i = 0; i < done.length; i += 2) {
      const onDone = this.pending.get(done[i]!);
      this.pending.delete(done[i]!);
      const status = done[i + 1]!;
      onDone?.({ status: status === -1 ? null : status, error: null });
    }
    for (const [ref, status, error] of failed) {
      const onDone = this.pending.get(ref);
      this.pending.delete(ref);
      onDone?.({ status, error });
    }
  }

  /** The worker is gone (not by close()): what it held is recorded as failed, later callbacks go out inline. */
  private failOver(reason: string): void {
    if (this.closed || this.failed) return;
    this.failed = true;
    this.ready = false;
    process.stderr.write(`thap mocks: ${reason}; sending callbacks from the serving thread from now on\n`);
    this.worker = undefined;
    this.outbox = [];
    this.wakeWaiters();
    for (const onDone of this.pending.values()) onDone({ status: null, error: reason });
    this.pending.clear();
  }

  private wakeWaiters(): void {
    for (const wake of this.readyWaiters.splice(0)) wake();
  }
}
