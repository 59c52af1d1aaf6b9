import type { MockRoute } from './route.ts';
import type { RequestMeta } from './requestMeta.ts';

/** One request as the adapter's stages (capacity, faults, idempotency, handler) see it. */
export interface Exchange {
  method: string;
  /** Path without the query string. */
  path: string;
  /** Path and query as received. */
  url: string;
  route: MockRoute;
  params: Record<string, string>;
  meta: RequestMeta;
  /** Filled in as the exchange goes: what happened to it, for upstream.ndjson. */
  outcome: { status: number; queuedMs: number; fault?: string; idempotentReplay?: boolean; retryAfterHonoured?: boolean | null };
}

/** A stage may answer in place of the handler: a status and JSON body. */
export interface EarlyAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
