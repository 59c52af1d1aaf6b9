import { errorResponse, type FieldError } from '../http/errorResponse.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * ABDM v3 requests carry REQUEST-ID (a UUID) and TIMESTAMP (ISO-8601 with ms, Z) [14]; X-CM-ID names the
 * consent manager. A missing or bad one gets 400 `ABDM-1000` (our code for an invalid request) listing each.
 */
export function checkAbdmHeaders(request: Request, required: string[] = ['REQUEST-ID', 'TIMESTAMP', 'X-CM-ID']): Response | undefined {
  const fields: FieldError[] = [];
  for (const name of required) {
    const value = request.headers.get(name);
    if (!value) fields.push({ path: `headers.${name}`, message: 'required', got: 'undefined' });
    else if (name === 'REQUEST-ID' && !UUID.test(value)) fields.push({ path: `headers.${name}`, message: 'must be a UUID', got: JSON.stringify(value) });
    else if (name === 'TIMESTAMP' && !TIMESTAMP.test(value)) fields.push({ path: `headers.${name}`, message: 'must be ISO-8601 with milliseconds and Z, e.g. 2024-05-01T10:00:00.000Z', got: JSON.stringify(value) });
  }
  if (fields.length === 0) return undefined;
  return errorResponse({ status: 400, service: 'abdm', code: 'ABDM-1000', message: 'invalid or missing ABDM headers', fields });
}

/** Headers the mock sends on its own callbacks. */
export function abdmCallbackHeaders(requestId: string, now: number): Record<string, string> {
  return { 'REQUEST-ID': requestId, TIMESTAMP: new Date(now).toISOString(), 'X-CM-ID': 'sbx' };
}
