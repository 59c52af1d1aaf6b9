import type { FaultStore } from '../faults/faultStore.ts';
import type { ServiceName } from '../../src/contract/index.ts';
import type { CallbackPoster, CallbackThread } from './callbackPoster.ts';
import { callbackTarget } from './callbackTarget.ts';
import { callbackThreadFromEnv } from './callbackThreadFromEnv.ts';
import { DueQueue } from './dueQueue.ts';
import { InlinePoster } from './inlinePoster.ts';
import { WorkerPoster } from './workerPoster.ts';

/** One callback attempt, as listed by `GET /__admin/callbacks`. */
export interface CallbackRecord {
  id: string;
  service: ServiceName;
  route: string;
  url: string;
  copy: number;
  plannedAt: number;
  sentAt: number | null;
  status: number | null;
  error: string | null;
  faults: string[];
}

/** A callback copy to POST, or an in-process event to run, once due. */
type Due =
  | { record: CallbackRecord; payload: string; headers: Record<string, string> | undefined; onAnswered: ((status: number | null) => void) | undefined }
  | { record: CallbackRecord; run: () => void };

/** The plan when no fault targets the service: one copy after the route's delay (shared, never mutated). */
const NO_FAULTS: string[] = [];

/**
 * Sends asynchronous callbacks to a client (ABDM on-share, payment webhook) after a delay, through the
 * callback faults (late, duplicated, missing). Only loopback URLs are ever called. `close()` cancels what
 * has not been sent. Timing, faults and records live in the serving thread; only the HTTP of a due callback
 * is handed to a worker thread (WorkerPoster) or sent inline (InlinePoster).
 */
export class CallbackSender {
  readonly records: CallbackRecord[] = [];
  /** Everything scheduled and not yet sent, run from one timer; a callback's body is kept as its JSON text. */
  private readonly due = new DueQueue<Due>((item) => this.fire(item));
  private counter = 0;
  private closed = false;
  private warming: Promise<void> | undefined;
  /** Does the HTTP once a callback is due: a worker thread by default, or the serving thread. */
  private readonly poster: CallbackPoster;

  /**
   * `timeoutMs`: how long a client may take to answer a callback before it is recorded as timed out.
   * `thread`: where the HTTP runs (default `THAP_MOCKS_CALLBACKS`, else `worker`); the due-queue, faults and
   * records stay in this thread either way.
   */
  constructor(
    private readonly faults: FaultStore,
    timeoutMs = 10_000,
    thread: CallbackThread = callbackThreadFromEnv(),
  ) {
    this.poster = thread === 'worker' ? new WorkerPoster(timeoutMs) : new InlinePoster(timeoutMs);
  }

  /**
   * Schedules a callback; returns its id and how many copies will go out (0 when a fault drops it).
   * `onAnswered` hears each copy's outcome in the serving thread: the client's HTTP status, or null for none.
   */
  send(args: {
    service: ServiceName;
    route: string;
    url: string;
    body: unknown;
    headers?: Record<string, string>;
    delayMs: number;
    onAnswered?: (status: number | null) => void;
  }): { id: string; copies: number } {
    callbackTarget(args.url); // throws for a URL off loopback, before anything is scheduled
    const id = `cb${++this.counter}`;
    const plan = this.faults.has(args.service) ? this.faults.callbackPlan(args.service, args.route, { delayMs: args.delayMs, copies: 1 }) : { delayMs: args.delayMs, copies: 1, faults: NO_FAULTS };
    const now = Date.now();
    if (plan.copies === 0) {
      this.records.push({ id, service: args.service, route: args.route, url: args.url, copy: 0, plannedAt: now, sentAt: null, status: null, error: 'dropped by fault', faults: plan.faults });
    }
    // Serialized now, so that what waits for the delay is one string rather than the body's object graph.
    const payload = plan.copies > 0 ? JSON.stringify(args.body) : '';
    if (plan.copies > 0 && !this.warming) this.warming = this.poster.warm();
    for (let copy = 1; copy <= plan.copies; copy++) {
      const record: CallbackRecord = { id, service: args.service, route: args.route, url: args.url, copy, plannedAt: now + plan.delayMs, sentAt: null, status: null, error: null, faults: plan.faults };
      this.records.push(record);
      this.due.add(now + plan.delayMs + (copy - 1) * 10, { record, payload, headers: args.headers, onAnswered: args.onAnswered });
    }
    return { id, copies: plan.copies };
  }

  /**
   * Runs an in-process event later (an SMS reaching the simulated phone, a patient paying) through the same
   * callback faults; recorded with the url `local:<what>`.
   */
  schedule(args: { service: ServiceName; route: string; what: string; delayMs: number; run: () => void }): { id: string; copies: number } {
    const id = `cb${++this.counter}`;
    const plan = this.faults.has(args.service) ? this.faults.callbackPlan(args.service, args.route, { delayMs: args.delayMs, copies: 1 }) : { delayMs: args.delayMs, copies: 1, faults: NO_FAULTS };
    const now = Date.now();
    const url = `local:${args.what}`;
    if (plan.copies === 0) this.records.push({ id, service: args.service, route: args.route, url, copy: 0, plannedAt: now, sentAt: null, status: null, error: 'dropped by fault', faults: plan.faults });
    for (let copy = 1; copy <= plan.copies; copy++) {
      const record: CallbackRecord = { id, service: args.service, route: args.route, url, copy, plannedAt: now + plan.delayMs, sentAt: null, status: null, error: null, faults: plan.faults };
      this.records.push(record);
      this.due.add(now + plan.delayMs + (copy - 1) * 10, { record, run: args.run });
    }
    return { id, copies: plan.copies };
  }

  /**
   * Starts the callback worker now rather than at the first callback, and resolves once it is ready (callbacks
   * due before that go out from the serving thread).
   */
  warm(): Promise<void> {
    this.warming ??= this.poster.warm();
    return this.warming;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.due.clear();
    await this.poster.close();
  }

  private fire(item: Due): void {
    if (this.closed) return;
    item.record.sentAt = Date.now();
    if ('run' in item) {
      item.run();
      return;
    }
    const { record } = item;
    this.poster.post({
      target: callbackTarget(record.url),
      payload: item.payload,
      headers: item.headers,
      onDone: (outcome) => {
        record.status = outcome.status;
        record.error = outcome.error;
        item.onAnswered?.(outcome.status);
      },
    });
  }
}
