import { contractSteps, type StepName } from '../steps.ts';
import { readPath, writePath } from './fieldPath.ts';
import type { FieldSource, VendorMapping } from './schema.ts';

/** The HTTP request to send to the vendor's system for one contract step. */
export interface VendorRequest {
  method: string;
  /** Path with placeholders filled (URI-encoded). */
  path: string;
  headers: Record<string, string>;
  /** JSON body, or undefined for a GET. */
  body?: unknown;
}

/**
 * Turns one contract request (the body k6 would send, plus path parameters for GETs) into the vendor's
 * request. A step the mapping does not list is sent as the contract defines it.
 */
export function buildVendorRequest(args: {
  mapping: VendorMapping;
  step: StepName;
  request: Record<string, unknown>;
  correlationId: string;
}): VendorRequest {
  const contract = contractSteps[args.step];
  const stepMapping = args.mapping.steps[args.step];
  const headers: Record<string, string> = { [args.mapping.correlationHeader]: args.correlationId };
  if (!stepMapping) {
    const path = fillPath({ template: contract.path.replace(/:(\w+)/g, '{$1}'), request: args.request });
    return contract.method === 'GET' ? { method: 'GET', path, headers } : { method: contract.method, path, headers: { ...headers, 'content-type': 'application/json' }, body: args.request };
  }
  for (const [header, source] of Object.entries(stepMapping.headers ?? {})) {
    const value = resolveSource({ source, request: args.request, correlationId: args.correlationId });
    if (value !== undefined && value !== null) headers[header] = String(value);
  }
  const path = fillPath({ template: stepMapping.path, request: args.request });
  if (stepMapping.method === 'GET') return { method: 'GET', path, headers };
  let body: unknown = args.request;
  if (stepMapping.body) {
    const built: Record<string, unknown> = {};
    for (const [target, source] of Object.entries(stepMapping.body)) {
      const value = resolveSource({ source, request: args.request, correlationId: args.correlationId });
      if (value !== undefined) writePath(built, target, value);
    }
    body = built;
  }
  return { method: stepMapping.method, path, headers: { ...headers, 'content-type': 'application/json' }, body };
}

/** The value one field source gives for a request; undefined when the contract field is absent. */
export function resolveSource(args: { source: FieldSource; request: Record<string, unknown>; correlationId: string }): unknown {
  const { source } = args;
  if (typeof source === 'string') return readPath(args.request, source);
  if ('const' in source) return source.const;
  if ('correlationId' in source) return args.correlationId;
  const value = readPath(args.request, source.from);
  if (value === undefined || !source.map) return value;
  const mapped = source.map[String(value)];
  return mapped === undefined ? value : mapped;
}

function fillPath(args: { template: string; request: Record<string, unknown> }): string {
  return args.template.replace(/\{([\w.]+)\}/g, (_whole, path: string) => {
    const value = readPath(args.request, path);
    if (value === undefined || value === null) throw new Error(`vendor path ${args.template}: the request has no ${path}`);
    return encodeURIComponent(String(value));
  });
}
