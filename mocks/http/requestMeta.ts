import type { ServiceName } from '../../src/contract/index.ts';
import { headerKeys } from './headerNames.ts';

/**
 * What the adapter learned about one request before handing it to an MSW handler: who sent it, its
 * correlation and idempotency headers, and its body already parsed (so a handler need not read the stream).
 * Kept on the `Request` under a private symbol; handlers read it through `requestMeta(request)`. Not a WeakMap:
 * a WeakMap keyed by one object per request makes every young-generation collection walk its ephemeron
 * table, which lengthened scavenge pauses several-fold at 3,690 req/s (docs/mocks-scaling.md "Tail latency").
 */
export interface RequestMeta {
  service: ServiceName;
  clientId: string;
  clientRef: string | null;
  idempotencyKey: string | null;
  authorization: string | null;
  receivedAt: number;
  /** The parsed JSON body; `undefined` when the body was empty. */
  body: unknown;
  /** Set when the body was not valid JSON. */
  bodyError?: string;
  /** Set by the `not-stored` fault: writes are answered as accepted but never stored. */
  dropWrite: boolean;
  /** Set by a write that was dropped, so that idempotency does not remember its answer. */
  wroteNothing: boolean;
}

const META = Symbol('thap.requestMeta');
type WithMeta = Request & { [META]?: RequestMeta };

export function attachRequestMeta(request: Request, meta: RequestMeta): void {
  (request as WithMeta)[META] = meta;
}

/** The meta the adapter attached, or one read from the headers when the handler runs elsewhere (plain msw). */
export function requestMeta(request: Request, service: ServiceName): RequestMeta {
  const meta = (request as WithMeta)[META];
  if (meta) return meta;
  const created: RequestMeta = {
    service,
    clientId: request.headers.get(headerKeys.clientId) ?? 'unknown',
    clientRef: request.headers.get(headerKeys.correlationId),
    idempotencyKey: request.headers.get(headerKeys.idempotencyKey),
    authorization: request.headers.get('authorization'),
    receivedAt: Date.now(),
    body: undefined,
    dropWrite: false,
    wroteNothing: false,
  };
  (request as WithMeta)[META] = created;
  return created;
}
