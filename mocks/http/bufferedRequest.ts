/**
 * A Fetch `Request` whose body (already read by the adapter) becomes a stream only if a handler reads it
 * through the Fetch API (`text()`, `json()`, `body`, `clone()`...). Handlers normally use the body the
 * adapter parsed (`requestMeta(request).body`), so in a served request no `ReadableStream` is built: on
 * Node 20 every web stream is tied to a weak C++ handle that keeps it alive through young-generation
 * collections, so one stream per request was promoted to the old generation at 3,690 req/s
 * (docs/mocks-scaling.md "Tail latency: where it comes from").
 */
export class BufferedRequest extends Request {
  readonly #text: string | undefined;
  #filled: Request | undefined;

  /** `text` is the body (undefined for none); `init` must not carry a body. */
  constructor(url: string, init: { method: string; headers: Record<string, string> }, text: string | undefined) {
    super(url, init);
    this.#text = text;
  }

  /** The real Request holding the body, made on first use; it gives the Fetch API's body semantics. */
  #full(): Request {
    return (this.#filled ??= new Request(this.url, { method: this.method, headers: this.headers, body: this.#text }));
  }

  override get body(): Request['body'] {
    return this.#text === undefined ? null : this.#full().body;
  }

  override get bodyUsed(): boolean {
    return this.#filled?.bodyUsed ?? false;
  }

  override text(): Promise<string> {
    return this.#full().text();
  }

  override json(): Promise<unknown> {
    return this.#full().json();
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#full().arrayBuffer();
  }

  override blob(): Promise<Blob> {
    return this.#full().blob();
  }

  override formData(): Promise<FormData> {
    return this.#full().formData();
  }

  override clone(): Request {
    if (this.bodyUsed) throw new TypeError('Request.clone: Body has already been consumed.');
    const headers: Record<string, string> = {};
    this.headers.forEach((value, name) => (headers[name] = value));
    return new BufferedRequest(this.url, { method: this.method, headers }, this.#text);
  }
}
