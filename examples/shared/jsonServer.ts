import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a route handler sees: the parsed JSON body, lower-cased headers and the path parameters. */
export interface RouteRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** What a route handler answers: a status and a JSON body. */
export interface RouteReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** One route, written like `route('POST /opd/registrations', handler)`; `:name` segments become params. */
export interface Route {
  method: string;
  pattern: string;
  match: (path: string) => Record<string, string> | undefined;
  handle: (request: RouteRequest) => Promise<RouteReply> | RouteReply;
}

export function route(header: string, handle: Route['handle']): Route {
  const [method, pattern] = header.split(' ');
  if (!method || !pattern?.startsWith('/')) throw new Error(`route header must look like "POST /path" (got ${JSON.stringify(header)})`);
  const parts = pattern.split('/');
  const match = (path: string): Record<string, string> | undefined => {
    const segments = path.split('/');
    if (segments.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (const [index, part] of parts.entries()) {
      const segment = segments[index] ?? '';
      if (part.startsWith(':')) {
        if (segment === '') return undefined;
        params[part.slice(1)] = decodeURIComponent(segment);
      } else if (part !== segment) return undefined;
    }
    return params;
  };
  return { method, pattern, match, handle };
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** Largest request body a client accepts: journeys are small JSON documents. */
const maxBodyBytes = 1_000_000;

/** Serves JSON routes on 127.0.0.1 with node:http; unknown paths get 404, bad JSON 400, a thrown handler 500. */
export async function startJsonServer(args: { port: number; routes: Route[]; onError?: (error: unknown) => void }): Promise<RunningServer> {
  const server = http.createServer((req, res) => {
    void serve({ req, res, routes: args.routes, onError: args.onError });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function serve(args: { req: http.IncomingMessage; res: http.ServerResponse; routes: Route[]; onError?: (error: unknown) => void }): Promise<void> {
  const { req, res } = args;
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  let reply: RouteReply;
  try {
    const found = findRoute({ routes: args.routes, method, path: url.pathname });
    if (!found) {
      reply = { status: 404, body: { status: 'failed', reason: `no route ${method} ${url.pathname}` } };
    } else {
      const raw = await readBody(req);
      let body: unknown = undefined;
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw);
        } catch {
          reply = { status: 400, body: { status: 'failed', reason: 'request body is not valid JSON' } };
          return send(res, reply);
        }
      }
      reply = await found.route.handle({ method, path: url.pathname, params: found.params, query: url.searchParams, headers: req.headers, body });
    }
  } catch (error) {
    args.onError?.(error);
    reply = { status: 500, body: { status: 'failed', reason: `client bug: ${error instanceof Error ? error.message : String(error)}` } };
  }
  send(res, reply);
}

function findRoute(args: { routes: Route[]; method: string; path: string }): { route: Route; params: Record<string, string> } | undefined {
  for (const candidate of args.routes) {
    if (candidate.method !== args.method) continue;
    const params = candidate.match(args.path);
    if (params) return { route: candidate, params };
  }
  return undefined;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error(`request body larger than ${maxBodyBytes} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, reply: RouteReply): void {
  if (res.headersSent || res.destroyed) return;
  const payload = JSON.stringify(reply.body ?? null);
  res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...reply.headers });
  res.end(payload);
}
