import { callNic, NicUnreachableError, type NicResponse } from './nicCall.ts';
import type { NicSession } from './nicSession.ts';
import type { NicRequest } from './steps/journeyStep.ts';
import { correlationIdHeader, idempotencyKeyHeader } from '../../src/contract/headers.ts';

/** One NIC attempt's result: a 2xx answer, an error answer, or no answer at all. */
export type Attempt =
  | { kind: 'ok'; response: NicResponse }
  | { kind: 'error-status'; response: NicResponse; retryable: boolean }
  | { kind: 'unreachable'; error: NicUnreachableError };

/**
 * Makes one NIC attempt for a journey step with the correlation id (and, when given, an idempotency key and a
 * wall-clock timeout) and classifies the outcome. 5xx, 408 and 429 are worth retrying; other 4xx are not.
 */
export async function attemptNic(args: {
  baseUrl: string;
  nicRequest: NicRequest;
  correlationId: string;
  idempotencyKey?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Logs in and repeats the request once when NIC answers 401 (an expired or missing session). */
  session?: NicSession;
}): Promise<Attempt> {
  const headers: Record<string, string> = { ...args.nicRequest.headers, [correlationIdHeader]: args.correlationId };
  if (args.idempotencyKey !== undefined) headers[idempotencyKeyHeader] = args.idempotencyKey;
  const signal = signalFor(args);
  const send = () =>
    callNic({
      baseUrl: args.baseUrl,
      method: args.nicRequest.method,
      path: args.nicRequest.path,
      body: args.nicRequest.body,
      headers: { ...headers, ...args.session?.headers() },
      ...signal,
    });
  try {
    let response = await send();
    if (response.status === 401 && args.session && (await args.session.renew(signal.signal))) response = await send();
    if (response.status >= 200 && response.status < 300) return { kind: 'ok', response };
    return { kind: 'error-status', response, retryable: isRetryableStatus(response.status) };
  } catch (error) {
    if (error instanceof NicUnreachableError) return { kind: 'unreachable', error };
    throw error;
  }
}

export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** A one-line reason for an attempt that did not succeed. */
export function attemptReason(attempt: Attempt, service: string): string {
  if (attempt.kind === 'unreachable') return attempt.error.message;
  return `NIC ${service} answered ${attempt.response.status}`;
}

function signalFor(args: { timeoutMs?: number; signal?: AbortSignal }): { signal?: AbortSignal } {
  const signals = [args.signal, args.timeoutMs !== undefined ? AbortSignal.timeout(args.timeoutMs) : undefined].filter((signal) => signal !== undefined);
  if (signals.length === 0) return {};
  return { signal: signals.length === 1 ? signals[0] : AbortSignal.any(signals) };
}
