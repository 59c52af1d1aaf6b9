import { HttpResponse } from 'msw';

const bodies = new WeakMap<Response, string>();

/**
 * A JSON `HttpResponse` whose serialized body the adapter can write without reading the stream back
 * (reading a Fetch body costs tens of microseconds on Node 20, see docs/mocks-performance.md).
 */
export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): Response {
  const text = JSON.stringify(body);
  const response = new HttpResponse(text, { status, headers: { 'content-type': 'application/json', ...headers } });
  bodies.set(response, text);
  return response;
}

/** The body text `jsonResponse` kept for this response, if it made it. */
export function knownBody(response: Response): string | undefined {
  return bodies.get(response);
}
