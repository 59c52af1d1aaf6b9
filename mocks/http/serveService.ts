import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ServiceName } from '../../src/contract/index.ts';
import { BufferedRequest } from './bufferedRequest.ts';
import type { Exchange, EarlyAnswer } from './exchange.ts';
import { IdempotencyStore, type StoredAnswer } from './idempotencyStore.ts';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './jsonNesting.ts';
import { readBody } from './readBody.ts';
import { attachRequestMeta, type RequestMeta } from './requestMeta.ts';
import type { RouteTable } from './routeTable.ts';
import { answerFromResponse, writeJson } from './writeResponse.ts';
import { headerKeys } from './headerNames.ts';

/**
 * The stages around the MSW handler. `admit` runs first (capacity: may queue, may answer 503) and returns
 * a release function; `intercept` (faults) may answer instead of the handler or change the answer.
 */
export interface ServiceStages {
  admit?(exchange: Exchange): Promise<EarlyAnswer | (() => void)>;
  intercept?(exchange: Exchange): Promise<EarlyAnswer | undefined> | EarlyAnswer | undefined;
  /** Writes the answer; a fault may slow, truncate or corrupt the body. */
  deliver?(exchange: Exchange, res: ServerResponse, answer: StoredAnswer): Promise<void> | void;
  /** Serves `/__admin/*`; returns false when the path is not an admin route. */
  admin?(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams, body: string): Promise<boolean> | boolean;
  /** Called once per request with its outcome, after the answer is written. */
  log?(exchange: Exchange | undefined, summary: { method: string; path: string; status: number; clientId: string; receivedAt: number }): void;
}

export interface ServeServiceArgs {
  service: ServiceName;
  routes: RouteTable;
  stages: ServiceStages;
  idempotency: () => boolean;
  host: string;
  port: number;
}

/** Serves one mock service over node:http: routes requests to its MSW handlers through the stages. */
export function serveService(args: ServeServiceArgs): Promise<{ server: Server; url: string }> {
  const idempotency = new IdempotencyStore();
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    handle(args, idempotency, req, res).catch((error: unknown) => {
      if (!res.headersSent) writeJson(res, 500, { error: { code: 'mock_bug', service: args.service, message: String(error) } });
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port, args.host, () => {
      server.off('error', reject);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : args.port;
      resolve({ server, url: `http://${args.host}:${port}` });
    });
  });
}

async function handle(args: ServeServiceArgs, idempotency: IdempotencyStore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const receivedAt = Date.now();
  const { service, stages } = args;
  const url = req.url ?? '/';
  const method = req.method ?? 'GET';
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const clientId = headerValue(req, headerKeys.clientId) ?? req.socket.remoteAddress ?? 'unknown';
  const summary = { method, path, status: 0, clientId, receivedAt };

  const declared = Number(req.headers['content-length'] ?? 0);
  const bodyText = declared > 1024 * 1024 ? null : await readBody(req);
  if (bodyText === null) {
    summary.status = 413;
    writeJson(res, 413, { error: { code: 'body_too_large', service, message: 'request bodies are limited to 1 MB (1048576 bytes)' } }, { connection: 'close' });
    stages.log?.(undefined, summary);
    return;
  }
  if (exceedsJsonDepth(bodyText)) {
    summary.status = 400;
    writeJson(res, 400, { error: { code: 'body_too_deep', service, message: `request bodies may nest arrays and objects at most ${MAX_JSON_DEPTH} deep` } });
    stages.log?.(undefined, summary);
    return;
  }
  if (path.startsWith('/__admin/') && stages.admin) {
    const query = new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1));
    if (await stages.admin(req, res, path, query, bodyText)) return;
  }
  const found = args.routes.find(method, path);
  if (!found) {
    const nearest = args.routes.nearest(method, path);
    const near = nearest ? `${nearest.method} ${nearest.path}` : undefined;
    summary.status = 404;
    writeJson(res, 404, {
      error: { code: 'no_route', service, message: `${service} mock has no route ${method} ${path}${near ? `; nearest: ${near}` : ''}`, nearest: near },
    });
    stages.log?.(undefined, summary);
    return;
  }

  const meta: RequestMeta = {
    service,
    clientId,
    clientRef: headerValue(req, headerKeys.correlationId) ?? null,
    idempotencyKey: headerValue(req, headerKeys.idempotencyKey) ?? null,
    authorization: headerValue(req, 'authorization') ?? null,
    receivedAt,
    body: undefined,
    dropWrite: false,
    wroteNothing: false,
  };
  if (bodyText.length > 0) {
    try {
      meta.body = JSON.parse(bodyText);
    } catch (error) {
      meta.bodyError = (error as Error).message;
    }
  }
  const exchange: Exchange = { method, path, url, route: found.route, params: found.params, meta, outcome: { status: 0, queuedMs: 0 } };
  const answer = await answerExchange(args, idempotency, req, exchange, bodyText);
  exchange.outcome.status = answer.status;
  summary.status = answer.status;
  if (stages.deliver) await stages.deliver(exchange, res, answer);
  else {
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }
  stages.log?.(exchange, summary);
}

async function answerExchange(
  args: ServeServiceArgs,
  idempotency: IdempotencyStore,
  req: IncomingMessage,
  exchange: Exchange,
  bodyText: string,
): Promise<StoredAnswer> {
  const { stages } = args;
  const admitted = stages.admit ? await stages.admit(exchange) : undefined;
  if (admitted && typeof admitted !== 'function') return early(admitted);
  try {
    const faulted = stages.intercept ? await stages.intercept(exchange) : undefined;
    if (faulted) return early(faulted);
    const key = exchange.route.write && args.idempotency() ? exchange.meta.idempotencyKey : null;
    if (!key) return await runHandler(args, req, exchange, bodyText);
    const scopedKey = `${exchange.route.method} ${exchange.route.path} ${exchange.meta.clientId} ${key}`;
    const claim = await idempotency.claim(scopedKey);
    if (claim.kind === 'replay') {
      exchange.outcome.idempotentReplay = true;
      return claim.answer;
    }
    const { settle } = claim;
    let answer: StoredAnswer | undefined;
    try {
      answer = await runHandler(args, req, exchange, bodyText);
      return answer;
    } finally {
      // Only successful writes that were really stored are replayed; a failed one may be retried.
      settle(answer && answer.status < 300 && !exchange.meta.wroteNothing ? answer : undefined);
    }
  } finally {
    if (typeof admitted === 'function') admitted();
  }
}

async function runHandler(args: ServeServiceArgs, req: IncomingMessage, exchange: Exchange, bodyText: string): Promise<StoredAnswer> {
  const hasBody = exchange.method !== 'GET' && exchange.method !== 'HEAD' && bodyText.length > 0;
  const request = new BufferedRequest(`http://${args.host}${exchange.url}`, { method: exchange.method, headers: req.headers as Record<string, string> }, hasBody ? bodyText : undefined);
  attachRequestMeta(request, exchange.meta);
  // Direct: the route table has matched, so call the resolver with the real Request (docs/mocks-performance.md).
  const response = await exchange.route.resolve({ request, params: exchange.params, meta: exchange.meta });
  if (!response) return early({ status: 500, body: { error: { code: 'mock_bug', service: args.service, message: `handler for ${exchange.route.path} gave no response` } } });
  return answerFromResponse(response);
}

function early(answer: EarlyAnswer): StoredAnswer {
  const body = JSON.stringify(answer.body);
  return { status: answer.status, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...answer.headers }, body };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
