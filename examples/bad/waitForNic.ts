import { Agent, request } from 'undici';
import type { NicResponse } from '../shared/nicCall.ts';
import type { NicRequest } from '../shared/steps/journeyStep.ts';
import { sleep } from '../shared/timeScale.ts';
import { correlationIdHeader } from '../../src/contract/headers.ts';

/** No connect, header or body timeout at all: a request waits for as long as NIC takes. */
const patientAgent = new Agent({ connect: { timeout: 0 }, headersTimeout: 0, bodyTimeout: 0 });

/**
 * The call of a client with no timeouts: one NIC request that waits for ever for its answer, and, when NIC
 * refuses or drops the connection, the same request again after `pauseMs`, for ever. The clerk's screen
 * hangs for as long as NIC is away.
 */
export async function waitForNic(args: { baseUrl: string; nicRequest: NicRequest; correlationId: string; pauseMs: number }): Promise<{ response: NicResponse; attempts: number }> {
  for (let attempts = 1; ; attempts++) {
    try {
      const answer = await request(`${args.baseUrl}${args.nicRequest.path}`, {
        method: args.nicRequest.method,
        dispatcher: patientAgent,
        headers: { [correlationIdHeader]: args.correlationId, ...(args.nicRequest.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(args.nicRequest.body !== undefined ? { body: JSON.stringify(args.nicRequest.body) } : {}),
      });
      const text = await answer.body.text();
      const json = String(answer.headers['content-type'] ?? '').includes('json') && text.length > 0;
      return { response: { status: answer.statusCode, body: json ? (JSON.parse(text) as unknown) : text }, attempts };
    } catch {
      await sleep(args.pauseMs);
    }
  }
}
