import type { Worker } from 'node:worker_threads';
import { HarnessError } from '../core/index.ts';
import type { PlannedFault } from '../scenario/index.ts';
import type { FaultEvent } from './faultDriver.ts';
import type { FaultTimeline } from './faultTimeline.ts';
import type { FaultWorkerData, FromFaultWorker, ToFaultWorker } from './faultWorkerData.ts';
import { startTsWorker } from '../util/index.ts';

/**
 * The fault timeline with its timers in a worker thread (src/faults/faultWorker.ts). Under load thap's main
 * thread reads k6's samples and serves the harness endpoint; faults timed there start late by whatever that
 * work and its GC hold the loop (docs/harness-performance.md, section 2). The worker has its own event loop
 * and its own OS thread, so its timers fire on time while the main thread is busy, and a thread that sleeps
 * between faults gets the scheduler's wake-up preference on a CPU-starved machine.
 *
 * Start it with `start()` (waits until the worker has loaded), then use it as a FaultTimeline. `removeAll`
 * asks the worker to remove every active fault, waits for its answer and ends the worker; `terminate()`
 * ends it without removing anything (for clean-up after removeAll, or when nothing was ever scheduled).
 */
export class ThreadedFaultDriver implements FaultTimeline {
  readonly events: FaultEvent[] = [];
  private readonly active = new Map<string, PlannedFault>();
  private readonly byId: Map<string, PlannedFault>;
  private readonly worker: Worker;
  private exited: { code: number; error?: Error } | undefined;
  private removing: Promise<void> | undefined;
  private readonly waiting = new Set<(message: FromFaultWorker | { type: 'exit' }) => void>();
  /** Set once thap ends the thread itself (removeAll, terminate): an exit after that is planned. */
  private ending = false;
  private signalEnd: (detail: string | undefined) => void = () => undefined;
  /** Resolves when the thread has ended: with why when it ended on its own (a crash), undefined when thap ended it. */
  readonly ended = new Promise<string | undefined>((resolve) => (this.signalEnd = resolve));

  private constructor(private readonly data: FaultWorkerData) {
    this.byId = new Map(data.faults.map((fault) => [fault.id, fault]));
    this.worker = startTsWorker(new URL('./faultWorker.ts', import.meta.url), { workerData: data });
    // Never the reason thap stays alive (e.g. a run interrupted while the worker was starting).
    this.worker.unref();
    this.worker.on('message', (message: FromFaultWorker) => {
      if (message.type === 'event') this.record(message.event);
      for (const waiter of this.waiting) waiter(message);
    });
    this.worker.on('error', (error) => (this.exited = { code: 1, error }));
    this.worker.on('exit', (code) => {
      this.exited ??= { code };
      this.signalEnd(this.ending ? undefined : this.exited.error ? `failed: ${this.exited.error.message}` : `exited with code ${code}`);
      for (const waiter of this.waiting) waiter({ type: 'exit' });
    });
  }

  /** Starts the worker and waits until it is ready to schedule (it has loaded the fault kinds). */
  static async start(data: FaultWorkerData): Promise<ThreadedFaultDriver> {
    const driver = new ThreadedFaultDriver(data);
    await driver.next('ready', 'start');
    return driver;
  }

  schedule(t0: number): void {
    this.send({ type: 'schedule', t0 });
  }

  activeFaults(): PlannedFault[] {
    return [...this.active.values()];
  }

  removeAll(reason: string): Promise<void> {
    this.removing ??= this.removeAllOnce(reason);
    return this.removing;
  }

  /** Ends the worker thread (without removing faults: call removeAll first when any may be active). */
  async terminate(): Promise<void> {
    this.ending = true;
    if (!this.exited) await this.worker.terminate();
  }

  private async removeAllOnce(reason: string): Promise<void> {
    this.ending = true;
    try {
      const doing = `remove the active faults (${reason})`;
      if (this.exited) throw this.lost(doing);
      // Messages arrive on a later turn of the loop: listening after sending misses nothing.
      this.send({ type: 'removeAll', reason });
      const message = await this.next('removedAll', doing);
      if (message.type === 'removedAll' && message.error) throw new HarnessError(`removing faults failed: ${message.error}`);
    } finally {
      await this.terminate();
    }
  }

  private send(message: ToFaultWorker): void {
    if (this.exited) throw this.lost('send it work');
    this.worker.postMessage(message);
  }

  /** The next message of this type from the worker; rejects when the worker exits first. */
  private next<T extends FromFaultWorker['type']>(type: T, doing: string): Promise<Extract<FromFaultWorker, { type: T }>> {
    return new Promise((resolve, reject) => {
      if (this.exited) return reject(this.lost(doing));
      const waiter = (message: FromFaultWorker | { type: 'exit' }) => {
        if (message.type !== type && message.type !== 'exit') return;
        this.waiting.delete(waiter);
        if (message.type === 'exit') reject(this.lost(doing));
        else resolve(message as Extract<FromFaultWorker, { type: T }>);
      };
      this.waiting.add(waiter);
    });
  }

  private lost(doing: string): HarnessError {
    const left = [...this.active.keys()];
    const why = this.exited?.error ? `failed: ${this.exited.error.message}` : `exited with code ${this.exited?.code}`;
    const still = left.length ? `; faults possibly still applied: ${left.join(', ')} (see ${this.data.eventLog})` : '';
    return new HarnessError(`the fault worker thread ${why} before it could ${doing}${still}`, { cause: this.exited?.error });
  }

  private record(event: FaultEvent): void {
    this.events.push(event);
    const fault = this.byId.get(event.faultId);
    if (event.action === 'apply' && event.ok && fault) this.active.set(event.faultId, fault);
    if (event.action === 'remove') this.active.delete(event.faultId);
  }
}
