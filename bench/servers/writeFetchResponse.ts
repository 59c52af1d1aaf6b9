import type { ServerResponse } from 'node:http';

/** Writes a Fetch `Response` to a node:http response: status, headers and the body read back as text. */
export async function writeFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  const text = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  headers['content-length'] = String(Buffer.byteLength(text));
  res.writeHead(response.status, headers);
  res.end(text);
}
