import { retryAfterHeader } from '../../src/contract/headers.ts';

/** The answer of one NIC call that reached the service (any HTTP status). */
export interface NicResponse {
  status: number;
  body: unknown;
  /** Retry-After in wall milliseconds when the service sent one (seconds or an HTTP date). */
  retryAfterMs?: number;
}

/** The NIC call never got an HTTP answer: connection refused or reset, a timeout, a body that is not JSON. */
export class NicUnreachableError extends Error {
  readonly url: string;
  constructor(args: { url: string; cause: unknown }) {
    const reason = describeCause(args.cause);
    super(`NIC unreachable at ${args.url}: ${reason}`, { cause: args.cause });
    this.name = 'NicUnreachableError';
    this.url = args.url;
  }
}

/**
 * One HTTP call to a NIC service with a JSON body. Headers are passed as given (the caller decides on
 * X-Correlation-Id and Idempotency-Key). No timeout unless `signal` carries one.
 */
export async function callNic(args: {
  baseUrl: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}): Promise<NicResponse> {
  const url = `${args.baseUrl}${args.path}`;
  try {
    const response = await fetch(url, {
      method: args.method,
      headers: { accept: 'application/json', ...(args.body !== undefined ? { 'content-type': 'application/json' } : {}), ...args.headers },
      body: args.body !== undefined ? JSON.stringify(args.body) : undefined,
      signal: args.signal,
    });
    const text = await response.text();
    let body: unknown = text;
    if (text.length > 0 && (response.headers.get('content-type') ?? '').includes('json')) {
      body = JSON.parse(text);
    }
    const retryAfterMs = parseRetryAfter(response.headers.get(retryAfterHeader));
    return { status: response.status, body, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  } catch (error) {
    throw new NicUnreachableError({ url, cause: error });
  }
}

/** Retry-After as wall milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - Date.now());
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as Error & { cause?: unknown }).cause;
  const code = inner && typeof inner === 'object' && 'code' in inner ? String((inner as { code: unknown }).code) : undefined;
  if (cause.name === 'TimeoutError' || cause.name === 'AbortError') return `${cause.name} (${cause.message})`;
  return code ? `${code} (${cause.message})` : cause.message;
}
