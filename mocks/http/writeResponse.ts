import type { ServerResponse } from 'node:http';
import type { StoredAnswer } from './idempotencyStore.ts';
import { knownBody } from './jsonResponse.ts';

/** Reads a Fetch `Response` into status, headers and body text (skipping the stream when `jsonResponse` made it). */
export async function answerFromResponse(response: Response): Promise<StoredAnswer> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = knownBody(response) ?? (await response.text());
  headers['content-length'] = String(Buffer.byteLength(body));
  return { status: response.status, headers, body };
}

/** Writes a plain JSON answer without building Fetch objects (404, 413, admin API). */
export function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}
