import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isLoopbackUrl } from '../../callbacks/isLoopbackUrl.ts';
import { errorResponse } from '../../http/errorResponse.ts';
import { jsonResponse } from '../../http/jsonResponse.ts';
import { notFound } from '../../http/notFound.ts';
import { parseBody } from '../../http/parseBody.ts';
import { defineRoute, type MockRoute } from '../../http/route.ts';
import type { ServiceRuntime } from '../../runtime.ts';
import { abhaNumberSchema } from '../../shared/fields.ts';
import { abdmCallbackHeaders, checkAbdmHeaders } from '../headers.ts';
import { profileFor } from '../profile.ts';

const shareSchema = z.object({
  hipId: z.string().min(1).max(64),
  counterId: z.string().min(1).max(64),
  abhaNumber: abhaNumberSchema,
  callbackUrl: z.string().refine(isLoopbackUrl, 'callbackUrl must be an http(s) URL on loopback (127.0.0.1, localhost, [::1])'),
});

/** A Scan and Share token is valid about 30 minutes of the incident clock [12]. */
const TOKEN_VALIDITY_SIM_MS = 30 * 60 * 1000;

interface ShareRequest {
  requestId: string;
  status: 'ACCEPTED' | 'SHARED';
  tokenNumber: number;
  expiry: string;
  callbackId: string;
  callbackCopies: number;
  /** The token reached the client: its on-share answered 2xx, or it read the token here. Recorded once. */
  received: boolean;
  clientRef: string | null;
  clientId: string;
}

/**
 * Scan and Share: `POST /api/hiecm/patient-share/v3/share` answers 202 with a requestId; the token comes later,
 * asynchronously, as `POST <callbackUrl>` with `{ requestId, response: { requestId }, context, tokenNumber,
 * expiry, profile }` and REQUEST-ID / TIMESTAMP / X-CM-ID headers (the v3 on-share answer [14]). The callback
 * goes through the callback faults (late, duplicated, missing). The first time the token reaches the client
 * (its on-share answered 2xx, or it polled the request's status) the ledger gets a `share-token-received` line.
 */
export function shareRoutes(runtime: ServiceRuntime): MockRoute[] {
  const requests = new Map<string, ShareRequest>();
  const tokens = new Map<string, number>();
  /** The first time the token reaches the client; integrity counts shares whose token never did. */
  const tokenReceived = (shared: ShareRequest): void => {
    if (shared.received) return;
    shared.received = true;
    shared.status = 'SHARED';
    runtime.recordEvent({ clientRef: shared.clientRef, clientId: shared.clientId, entity: 'share-token-received', id: `${shared.requestId}-received`, businessKey: `share-received|${shared.requestId}` });
  };
  const share = defineRoute({
    service: 'abdm',
    method: 'POST',
    path: '/api/hiecm/patient-share/v3/share',
    write: true,
    session: true,
    summary: 'Scan and Share: 202 now, on-share callback with the token later',
    async resolve({ request, meta }) {
      const badHeaders = checkAbdmHeaders(request);
      if (badHeaders) return badHeaders;
      const parsed = await parseBody({ request, service: 'abdm', schema: shareSchema });
      if (!parsed.ok) return parsed.response;
      const { hipId, counterId, abhaNumber, callbackUrl } = parsed.data;
      const profile = profileFor(abhaNumber);
      if (!profile) return errorResponse({ status: 404, service: 'abdm', code: 'ABDM-1114', message: 'No ABHA account found for the given ABHA number' });
      const requestId = request.headers.get('REQUEST-ID')!;
      const counterKey = `${hipId}|${counterId}`;
      const tokenNumber = (tokens.get(counterKey) ?? 0) + 1;
      tokens.set(counterKey, tokenNumber);
      const now = runtime.now();
      const expiry = new Date(now + runtime.times.simDelayMs(TOKEN_VALIDITY_SIM_MS, now)).toISOString();
      if (!runtime.recordWrite({ meta, entity: 'share-token', id: requestId, businessKey: `share|${hipId}|${counterId}|${profile.abhaAddress}` })) {
        return jsonResponse(202, { requestId, status: 'ACCEPTED' });
      }
      const body = { requestId: randomUUID(), response: { requestId }, context: { hipId, counterId, abhaAddress: profile.abhaAddress }, tokenNumber: String(tokenNumber), expiry, profile };
      const shared: ShareRequest = { requestId, status: 'ACCEPTED', tokenNumber, expiry, callbackId: '', callbackCopies: 0, received: false, clientRef: meta.clientRef, clientId: meta.clientId };
      const sent = runtime.callbacks.send({
        service: 'abdm',
        route: '/api/hiecm/patient-share/v3/share',
        url: callbackUrl,
        body,
        headers: abdmCallbackHeaders(body.requestId, now),
        delayMs: runtime.times.delayMs(runtime.config.callbackDelayMs, now),
        onAnswered: (answer) => {
          if (answer !== null && answer >= 200 && answer < 300) tokenReceived(shared);
        },
      });
      shared.callbackId = sent.id;
      shared.callbackCopies = sent.copies;
      requests.set(requestId, shared);
      return jsonResponse(202, { requestId, status: 'ACCEPTED' });
    },
  });
  const status = defineRoute({
    service: 'abdm',
    method: 'GET',
    path: '/api/hiecm/patient-share/v3/requests/:requestId',
    session: true,
    summary: 'status of a share request (the token, if issued)',
    resolve({ params }) {
      const found = requests.get(params.requestId!);
      if (!found) return notFound('abdm', 'share-request', params.requestId!);
      tokenReceived(found);
      const { requestId, status, tokenNumber, expiry, callbackId, callbackCopies } = found;
      return jsonResponse(200, { requestId, status, tokenNumber, expiry, callbackId, callbackCopies });
    },
  });
  return [share, status];
}
