import type { ServiceName } from '../../src/contract/index.ts';
import { jsonResponse } from './jsonResponse.ts';

/** One problem in a request body: the dotted field path, what is wrong, and the value received. */
export interface FieldError {
  path: string;
  message: string;
  /** The value received, as short JSON text; `undefined` when the field was missing. */
  got?: string;
}

/**
 * The error body every thap mock answers with (ABDM uses its own shape, see mocks/abdm):
 * `{ "error": { "code", "message", "service", "fields"? } }`.
 */
export function errorResponse(args: {
  status: number;
  service: ServiceName;
  code: string;
  message: string;
  fields?: FieldError[];
  headers?: Record<string, string>;
  extra?: Record<string, unknown>;
}): Response {
  const error = { code: args.code, message: args.message, service: args.service, ...(args.fields ? { fields: args.fields } : {}), ...args.extra };
  return jsonResponse(args.status, { error }, args.headers);
}
