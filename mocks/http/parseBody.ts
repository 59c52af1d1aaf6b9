import type { z } from 'zod';
import type { ServiceName } from '../../src/contract/index.ts';
import { errorResponse, type FieldError } from './errorResponse.ts';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './jsonNesting.ts';
import { requestMeta } from './requestMeta.ts';

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/**
 * Validates a JSON request body with a zod schema. Malformed JSON, a missing body or wrong fields give a
 * 400 whose `fields` list every problem (`path`, `message`). Uses the body the adapter already parsed.
 */
export async function parseBody<T>(args: { request: Request; service: ServiceName; schema: z.ZodType<T> }): Promise<Parsed<T>> {
  const meta = requestMeta(args.request, args.service);
  let body = meta.body;
  if (meta.bodyError) return invalid(args.service, 'malformed JSON body', [{ path: '(root)', message: meta.bodyError }]);
  if (body === undefined && !args.request.bodyUsed && args.request.body) {
    try {
      const text = await args.request.text();
      if (exceedsJsonDepth(text)) return invalid(args.service, 'body nested too deep', [{ path: '(root)', message: `arrays and objects nest at most ${MAX_JSON_DEPTH} deep` }]);
      body = JSON.parse(text);
    } catch (error) {
      return invalid(args.service, 'malformed JSON body', [{ path: '(root)', message: (error as Error).message }]);
    }
  }
  if (body === undefined) return invalid(args.service, 'missing JSON body', [{ path: '(root)', message: 'a JSON body is required' }]);
  const result = args.schema.safeParse(body);
  if (result.success) return { ok: true, data: result.data };
  const fields: FieldError[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
    got: preview(valueAt(body, issue.path)),
  }));
  return invalid(args.service, 'invalid request body', fields);
}

function invalid(service: ServiceName, message: string, fields: FieldError[]): Parsed<never> {
  return { ok: false, response: errorResponse({ status: 400, service, code: 'invalid_body', message, fields }) };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The bad value as short JSON text (`undefined` when the field was missing). */
function preview(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
