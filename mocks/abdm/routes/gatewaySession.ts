import { z } from 'zod';
import { jsonResponse } from '../../http/jsonResponse.ts';
import { parseBody } from '../../http/parseBody.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import type { ServiceRuntime } from '../../runtime.ts';
import { checkAbdmHeaders } from '../headers.ts';

const sessionSchema = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1), grantType: z.literal('client_credentials').default('client_credentials') });

/** `POST /api/hiecm/gateway/v3/sessions`: a gateway access token (bearer) that expires after `sessionTtlSec` [14]. */
export function gatewaySessionRoute(runtime: ServiceRuntime): MockRoute {
  return defineRoute({
    service: 'abdm',
    method: 'POST',
    path: '/api/hiecm/gateway/v3/sessions',
    summary: 'gateway session: a bearer access token',
    async resolve({ request }) {
      const badHeaders = checkAbdmHeaders(request);
      if (badHeaders) return badHeaders;
      const parsed = await parseBody({ request, service: 'abdm', schema: sessionSchema });
      if (!parsed.ok) return parsed.response;
      const now = runtime.now();
      const ttl = runtime.times.delaySec(runtime.config.sessionTtlSec, now);
      const session = runtime.sessions.create({ service: 'abdm', subject: parsed.data.clientId, ttlSec: ttl, now, rng: runtime.rng });
      return jsonResponse(200, { accessToken: session.token, expiresIn: ttl, refreshExpiresIn: ttl * 2, refreshToken: `r-${session.token}`, tokenType: 'bearer' });
    },
  });
}
