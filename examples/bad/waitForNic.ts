import { Agent, request } from 'undici';
import type { NicResponse } from '../shared/nicCall.ts';
import type { NicSession } from '../shared/nicSession.ts';
import type { NicRequest } from '../shared/steps/journeyStep.ts';
import { sleep } from '../shared/timeScale.ts';
import { correlationIdHeader } from '../../src/contract/headers.ts';

/** No connect, header or body timeout at all: a request waits for as long as NIC takes. */
const patientAgent = new Agent({ connect: { timeout: 0 }, headersTimeout: 0, bodyTimeout: 0 });

/**
 * The call of a client with no timeouts: one NIC request that waits for ever for its answer, and, when NIC
 * refuses or drops the connection, the same request again after `pauseMs`, for ever. The clerk's screen
 * hangs for as long as NIC is away. In every other way it is a well-formed call: it sends the step's own
 * headers (ABDM's REQUEST-ID, TIMESTAMP, X-CM-ID) and logs in once when NIC answers 401, so the only fault
 * this client shows is the hang.
 */
export async function waitForNic(args: { baseUrl: string; nicRequest: NicRequest; correlationId: string; pauseMs: number; session?: NicSession }): Promise<{ response: NicResponse; attempts: number }> {
  let renewed = false;
  for (let attempts = 1; ; attempts++) {
    let response: NicResponse;
    try {
      response = await sendOnce(args);
    } catch {
      await sleep(args.pauseMs);
      continue;
    }
    if (response.status !== 401 || args.session === undefined || renewed) return { response, attempts };
    renewed = true;
    if (!(await args.session.renew())) return { response, attempts };
  }
}

async function sendOnce({ baseUrl, nicRequest, correlationId, session }: { baseUrl: string; nicRequest: NicRequest; correlationId: string; session?: NicSession }): Promise<NicResponse> {
  const answer = await request(`${baseUrl}${nicRequest.path}`, {
    method: nicRequest.method,
    dispatcher: patientAgent,
    headers: {
      ...nicRequest.headers,
      [correlationIdHeader]: correlationId,
      ...session?.headers(),
      ...(nicRequest.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(nicRequest.body !== undefined ? { body: JSON.stringify(nicRequest.body) } : {}),
  });
  const text = await answer.body.text();
  const json = String(answer.headers['content-type'] ?? '').includes('json') && text.length > 0;
  return { status: answer.statusCode, body: json ? (JSON.parse(text) as unknown) : text };
}
