import type { ServiceName } from '../../src/contract/index.ts';
import { errorResponse } from './errorResponse.ts';

/** 404 for a known route but an unknown record: names the entity and the id asked for. */
export function notFound(service: ServiceName, entity: string, id: string): Response {
  return errorResponse({ status: 404, service, code: `${entity}_not_found`, message: `no ${entity} ${JSON.stringify(id)}` });
}
