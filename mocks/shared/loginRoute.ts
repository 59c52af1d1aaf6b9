import { z } from 'zod';
import { jsonResponse } from '../http/jsonResponse.ts';
import { parseBody } from '../http/parseBody.ts';
import { defineRoute, type MockRoute } from '../http/route.ts';
import type { ServiceRuntime } from '../runtime.ts';

const loginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

/**
 * `POST /<service>/v1/sessions`: logs a user in (any non-empty username and password); the token goes in
 * `Authorization: Bearer TOKEN` and expires after `sessionTtlSec`.
 */
export function loginRoute(runtime: ServiceRuntime): MockRoute {
  return defineRoute({
    service: runtime.service,
    method: 'POST',
    path: `/${runtime.service}/v1/sessions`,
    summary: 'log in: a session token that expires',
    async resolve({ request }) {
      const parsed = await parseBody({ request, service: runtime.service, schema: loginSchema });
      if (!parsed.ok) return parsed.response;
      const session = runtime.sessions.create({ service: runtime.service, subject: parsed.data.username, ttlSec: runtime.times.delaySec(runtime.config.sessionTtlSec), now: runtime.now(), rng: runtime.rng });
      return jsonResponse(201, { token: session.token, expiresAt: new Date(session.expiresAt).toISOString() });
    },
  });
}
