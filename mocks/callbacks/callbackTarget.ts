import { isLoopbackUrl } from './isLoopbackUrl.ts';

/** Where a callback goes, split the way undici's `dispatch` wants it. */
export interface CallbackTarget {
  origin: string;
  path: string;
}

/** Parsed callback URLs, by URL string: a run calls the same few callback URLs again and again. */
const cache = new Map<string, CallbackTarget>();
/** Bound on the cache (a run that invents a URL per request must not grow it forever). */
const MAX_CACHED = 1000;

/**
 * The origin and path of a loopback callback URL, parsed once per distinct URL (a `new URL` per callback was
 * measurable at thousands of callbacks per second). Throws naming the URL when it is not on loopback: the
 * mocks call nothing but the client's own callback URL on loopback (issue 4).
 */
export function callbackTarget(url: string): CallbackTarget {
  const cached = cache.get(url);
  if (cached) return cached;
  if (!isLoopbackUrl(url)) throw new Error(`callback URL must be on loopback (got ${url}); give an http(s) URL on 127.0.0.1, localhost or [::1]`);
  const parsed = new URL(url);
  const target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(url, target);
  return target;
}
