import { z } from 'zod';
import { defineFaultKind } from '../types.ts';
import { timerSec } from '../../shared/timerBounds.ts';
import { headerKeys } from '../../http/headerNames.ts';

interface ClientWindow {
  windowStart: number;
  count: number;
  blockedUntil: number;
}

/**
 * Per-client rate limit, as CoWIN's public API did (outages.md O12 [35]): `limit` requests per `windowSec`,
 * then 429 (with Retry-After), or in `403-window` mode 403 for `blockSec`.
 */
export const rateLimitFault = defineFaultKind({
  kind: 'rate-limit',
  summary: 'per-client rate limit (default 100 requests / 5 min), then 429 or a 403 window',
  rolled: false,
  settings: z.strictObject({
    limit: z.number().int().positive().default(100),
    windowSec: timerSec().positive().default(300),
    mode: z.enum(['429', '403-window']).default('429'),
    blockSec: timerSec().positive().default(300),
  }),
  describe: (s) => `limit each client to ${s.limit} requests per ${s.windowSec} s, then ${s.mode === '429' ? '429' : `403 for ${s.blockSec} s`}`,
  onRequest({ fault, exchange, now }) {
    const { limit, windowSec, mode, blockSec } = fault.settings;
    const clients = (fault.state.clients ??= new Map<string, ClientWindow>()) as Map<string, ClientWindow>;
    let client = clients.get(exchange.meta.clientId);
    if (!client || now - client.windowStart >= windowSec * 1000) {
      client = { windowStart: now, count: 0, blockedUntil: client?.blockedUntil ?? 0 };
      clients.set(exchange.meta.clientId, client);
    }
    const service = exchange.route.service;
    if (now < client.blockedUntil) return forbidden(service, fault.id, client.blockedUntil - now);
    client.count++;
    if (client.count <= limit) return undefined;
    if (mode === '403-window') {
      client.blockedUntil = now + blockSec * 1000;
      return forbidden(service, fault.id, blockSec * 1000);
    }
    const retryAfterSec = Math.max(1, Math.ceil((client.windowStart + windowSec * 1000 - now) / 1000));
    return {
      status: 429,
      body: { error: { code: 'rate_limited', service, message: `fault ${fault.id}: more than ${limit} requests in ${windowSec} s` } },
      headers: { [headerKeys.retryAfter]: String(retryAfterSec) },
    };
  },
});

function forbidden(service: string, id: string, remainingMs: number) {
  return { status: 403, body: { error: { code: 'forbidden_window', service, message: `fault ${id}: blocked for ${Math.ceil(remainingMs / 1000)} s more` } } };
}
