/** Test helper: a JSON call over real HTTP, returning status, headers and the parsed body. */
export async function call(args: {
  base: string;
  method?: string;
  path: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
}): Promise<{ status: number; headers: Headers; body: any }> {
  const hasBody = args.body !== undefined || args.raw !== undefined;
  const response = await fetch(`${args.base}${args.path}`, {
    method: args.method ?? (hasBody ? 'POST' : 'GET'),
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...args.headers },
    body: args.raw ?? (args.body === undefined ? undefined : JSON.stringify(args.body)),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body };
}
