import { route, type Route } from './jsonServer.ts';

/** `GET /health` -> 200 `{ ok: true }`; thap waits for it before sending traffic. */
export function healthRoute(extra: () => Record<string, unknown> = () => ({})): Route {
  return route('GET /health', () => ({ status: 200, body: { ok: true, ...extra() } }));
}
