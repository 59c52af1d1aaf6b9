import { http, type HttpHandler } from 'msw';
import type { ServiceName } from '../../src/contract/index.ts';
import { requestMeta, type RequestMeta } from './requestMeta.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route of a mock service: an MSW handler plus what the adapter needs to know about it. */
export interface MockRoute {
  service: ServiceName;
  method: HttpMethod;
  /** Path pattern, `:name` for a parameter, e.g. `/ehospital/v1/patients/:uhid`. */
  path: string;
  /** A write: goes through idempotency and the `not-stored` fault. */
  write: boolean;
  /** Takes a login session (`Authorization: Bearer TOKEN`): an expired or unknown one gets 401. */
  session: boolean;
  summary: string;
  /** The MSW handler (`getResponse([handler], request)` or any MSW setup can serve it). */
  handler: HttpHandler;
  /** The handler's resolver, called directly by the adapter once its own route table has matched. */
  resolve: (resolveArgs: ResolveArgs) => Response | Promise<Response>;
}

export interface ResolveArgs {
  request: Request;
  params: Record<string, string>;
  meta: RequestMeta;
}

/** Builds a route and its MSW handler; the handler's path is prefixed with a star so that it matches any origin. */
export function defineRoute(args: {
  service: ServiceName;
  method: HttpMethod;
  path: string;
  write?: boolean;
  session?: boolean;
  summary: string;
  resolve: (resolveArgs: ResolveArgs) => Response | Promise<Response>;
}): MockRoute {
  const factory = { GET: http.get, POST: http.post, PUT: http.put, PATCH: http.patch, DELETE: http.delete }[args.method];
  const handler = factory(`*${args.path}`, ({ request, params }) =>
    args.resolve({ request, params: params as Record<string, string>, meta: requestMeta(request, args.service) }),
  );
  return { service: args.service, method: args.method, path: args.path, write: args.write ?? false, session: args.session ?? false, summary: args.summary, handler, resolve: args.resolve };
}
