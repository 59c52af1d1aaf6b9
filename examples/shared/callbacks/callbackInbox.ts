import { route, startJsonServer, type RunningServer } from '../jsonServer.ts';
import type { AwaitedCallback } from '../steps/journeyStep.ts';

type Kind = AwaitedCallback['kind'];

/** Where each kind of callback arrives, and the key in its body that names what it answers. */
const routes: Record<Kind, { path: string; keyOf: (body: unknown) => unknown }> = {
  // ABDM v3 on-share: `response.requestId` names the share request it answers [14].
  'abdm-on-share': { path: '/nic-callbacks/abdm/on-share', keyOf: (body) => (body as { response?: { requestId?: unknown } } | null)?.response?.requestId },
  'payment-webhook': { path: '/nic-callbacks/payment/webhook', keyOf: (body) => (body as { qrId?: unknown } | null)?.qrId },
};

/**
 * The client's receiver for NIC's asynchronous callbacks (ABDM on-share, payment webhook): a small HTTP server
 * of its own on loopback, as an HMIS keeps an integration endpoint apart from its counter API. A callback that
 * comes before anyone waits for it is kept until it is asked for; copies after the first are answered and
 * ignored.
 */
export class CallbackInbox {
  private readonly arrived = new Map<string, unknown>();
  private readonly waiting = new Map<string, (body: unknown) => void>();
  private server: RunningServer | undefined;
  private constructor() {}

  static async start(): Promise<CallbackInbox> {
    const inbox = new CallbackInbox();
    inbox.server = await startJsonServer({
      port: 0,
      routes: (Object.keys(routes) as Kind[]).map((kind) =>
        route(`POST ${routes[kind].path}`, (request) => {
          inbox.deliver(kind, request.body);
          return { status: 200, body: { acknowledged: true } };
        }),
      ),
    });
    return inbox;
  }

  /** The URL NIC should call back for this kind of callback. */
  urlFor(kind: Kind): string {
    return `${this.server?.url ?? ''}${routes[kind].path}`;
  }

  /** The callback for `key`, when it comes; undefined after `timeoutMs` wall ms (no timeout: wait for ever). */
  waitFor(args: { kind: Kind; key: string; timeoutMs?: number }): Promise<unknown> {
    const id = `${args.kind}:${args.key}`;
    if (this.arrived.has(id)) {
      const body = this.arrived.get(id);
      this.arrived.delete(id);
      return Promise.resolve(body);
    }
    return new Promise((resolve) => {
      const timer = args.timeoutMs === undefined ? undefined : setTimeout(() => {
        this.waiting.delete(id);
        resolve(undefined);
      }, args.timeoutMs);
      this.waiting.set(id, (body) => {
        if (timer) clearTimeout(timer);
        resolve(body);
      });
    });
  }

  /** Forgets a callback nobody will wait for any more (the step gave up on it). */
  forget(args: { kind: Kind; key: string }): void {
    this.arrived.delete(`${args.kind}:${args.key}`);
  }

  close(): Promise<void> {
    return this.server?.close() ?? Promise.resolve();
  }

  private deliver(kind: Kind, body: unknown): void {
    const key = routes[kind].keyOf(body);
    if (typeof key !== 'string' && typeof key !== 'number') return;
    const id = `${kind}:${key}`;
    const waiter = this.waiting.get(id);
    if (waiter) {
      this.waiting.delete(id);
      waiter(body);
    } else if (!this.arrived.has(id) && this.arrived.size < 100_000) this.arrived.set(id, body);
  }
}

let shared: Promise<CallbackInbox> | undefined;

/** The process's one callback inbox, started on first use. */
export function callbackInbox(): Promise<CallbackInbox> {
  shared ??= CallbackInbox.start();
  return shared;
}

/** The inbox if it has started (steps build their NIC request synchronously, after `callbackInbox()` resolved). */
let started: CallbackInbox | undefined;
export async function readyCallbackInbox(): Promise<CallbackInbox> {
  started = await callbackInbox();
  return started;
}

/** The callback URL for a kind, once the inbox has started (journeyRoute starts it before such a step). */
export function callbackUrlFor(kind: Kind): string {
  if (!started) throw new Error('callback inbox not started: await readyCallbackInbox() before building the NIC request');
  return started.urlFor(kind);
}
