import type { ServiceName } from '../../../src/contract/services.ts';

/** The NIC request one journey step turns into. */
export interface NicRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  /** Headers the NIC API asks for besides the correlation and idempotency ones (ABDM: REQUEST-ID, TIMESTAMP). */
  headers?: Record<string, string>;
  /** A write changes NIC's ledger: it must carry an idempotency key in clients that use them. */
  write: boolean;
}

/**
 * One journey step of the client contract as data: the client route k6 calls, the NIC service and request
 * it maps to, and how NIC's answer becomes the `nic` ids of a `done` reply. The three reference clients share
 * these definitions and differ only in how they make the NIC call.
 */
export interface JourneyStep {
  /** Step name as k6 tags it (`register`, `fee`, ...). */
  step: string;
  /** Client route, `METHOD /path` with `:param` segments. */
  route: string;
  service: ServiceName;
  /** Builds the NIC request; returns a string (the reason) when the client request is unusable. */
  toNic: (request: { body: unknown; params: Record<string, string> }) => NicRequest | string;
  /**
   * Contract body fields that name ids of earlier steps (`uhid`, `visitId`, `orderId`, `srfIds`...): their
   * values may be provisional ids a client issued while NIC was away.
   */
  refs: readonly string[];
  /** NIC ids a `queued` answer stands in for with provisional values (`uhid`, `tokenNo`...). */
  provides: readonly string[];
  /** Reads cannot be accepted for later. */
  queueable: boolean;
  /** NIC's ids from its success body, or a string (the reason) when the body is not what NIC promises. */
  fromNic: (body: unknown) => Record<string, unknown> | string;
  /** NIC finishes the step later, in a callback to the client (ABDM on-share, payment webhook). */
  callback?: AwaitedCallback;
  /** What the client does instead when the step's NIC service is away (its degraded mode), in a few words. */
  whenUnavailable?: string;
}

/**
 * A step NIC answers twice: at once with an id (`fromNic`), later with the result in a callback to the client
 * (`examples/shared/callbacks/`), or, if the client asks, on a status route.
 */
export interface AwaitedCallback {
  /** The client's route for this kind of callback (`examples/shared/callbacks/callbackInbox.ts`). */
  kind: 'abdm-on-share' | 'payment-webhook';
  /** The key the first answer names and the callback carries (requestId, qrId). */
  keyOf: (ids: Record<string, unknown>) => string;
  /** The callback's result as `nic` ids, or a reason string when it is not what NIC promises. */
  fromCallback: (body: unknown) => Record<string, unknown> | string;
  /** The status route to ask when the callback is late. */
  poll: (ids: Record<string, unknown>) => NicRequest;
  /** The result from the status route; undefined when NIC has none yet. */
  fromPoll: (body: unknown) => Record<string, unknown> | undefined;
}

/** The value at `key` of a JSON object, or undefined. */
export function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

/** Picks `keys` from NIC's body; a reason string when any is missing or not a string or number. */
export function pickIds(body: unknown, keys: readonly string[], optional: readonly string[] = []): Record<string, unknown> | string {
  const ids: Record<string, unknown> = {};
  for (const key of [...keys, ...optional]) {
    const value = field(body, key);
    if (typeof value === 'string' || typeof value === 'number') ids[key] = value;
    else if (keys.includes(key)) return `NIC answered without ${key} (got ${JSON.stringify(body).slice(0, 200)})`;
  }
  return ids;
}
