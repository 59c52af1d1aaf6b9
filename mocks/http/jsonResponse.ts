import { HttpResponse } from 'msw';

// The serialized body, on the Response under a private symbol (not in a WeakMap: see requestMeta.ts).
const BODY = Symbol('thap.jsonBody');
type WithBody = Response & { [BODY]?: string };

/**
 * An MSW `HttpResponse` with a JSON body whose stream is only made if someone reads the body through the
 * Fetch API (`text()`, `json()`, `body`, `clone()`...). The adapter writes the kept text instead
 * (`knownBody`), so in a served request no `ReadableStream` is built: on Node 20 every web stream is
 * tied to a weak C++ handle that keeps it alive through young-generation collections, so one stream per
 * answer was promoted to the old generation at 3,690 req/s (docs/mocks-scaling.md "Tail latency").
 */
class JsonHttpResponse extends HttpResponse<string> {
  private readonly [BODY]: string;
  private filled: Response | undefined;

  constructor(text: string, init: ResponseInit) {
    super(null, init);
    this[BODY] = text;
  }

  /** The real Response holding the body, made on first use; it gives the Fetch API's body semantics. */
  private full(): Response {
    return (this.filled ??= new Response(this[BODY]));
  }

  override get body(): Response['body'] {
    return this.full().body;
  }

  override get bodyUsed(): boolean {
    return this.filled?.bodyUsed ?? false;
  }

  override text(): Promise<string> {
    return this.full().text();
  }

  override json(): Promise<unknown> {
    return this.full().json();
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.full().arrayBuffer();
  }

  override blob(): Promise<Blob> {
    return this.full().blob();
  }

  override formData(): Promise<FormData> {
    return this.full().formData();
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed.');
    return new JsonHttpResponse(this[BODY], { status: this.status, statusText: this.statusText, headers: this.headers });
  }
}

/**
 * A JSON `HttpResponse` whose serialized body the adapter can write without reading the stream back
 * (reading a Fetch body costs tens of microseconds on Node 20, see docs/mocks-performance.md).
 */
export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new JsonHttpResponse(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** The body text `jsonResponse` kept for this response, if it made it. */
export function knownBody(response: Response): string | undefined {
  return (response as WithBody)[BODY];
}
