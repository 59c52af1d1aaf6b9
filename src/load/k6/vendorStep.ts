import { asText, readPath, writePath } from './fieldPath.ts';

// How one contract step maps onto a vendor's own API (docs/client-contract.md "Vendor mappings"). The schema
// and its checks are src/contract/mapping/schema.ts; this file applies a checked mapping, and the k6 script
// carries it (it imports only files beside it), so these are the shapes the schema's output fits.

/** Where one vendor field's value comes from: a contract field, a field through a value table, a constant, or the correlation id. */
export type VendorFieldSource =
  | string
  | { from: string; map?: Record<string, string | number | boolean> | undefined }
  | { const: string | number | boolean | null }
  | { correlationId: true };

/** How a vendor answer reads as done / queued / failed, and where NIC's ids are in it. */
export interface VendorReplyMapping {
  state?: string | undefined;
  done: Array<string | number | boolean>;
  queued: Array<string | number | boolean>;
  ids: Record<string, string>;
  provisionalId?: string | undefined;
  reason?: string | undefined;
}

export interface VendorStepMapping {
  method: string;
  path: string;
  body?: Record<string, VendorFieldSource> | undefined;
  headers?: Record<string, VendorFieldSource> | undefined;
  reply: VendorReplyMapping;
}

/** The HTTP request to send to the vendor's system for one contract step. */
export interface VendorRequest {
  method: string;
  /** Path with placeholders filled (URI-encoded). */
  path: string;
  headers: Record<string, string>;
  /** JSON body, or undefined for a GET. */
  body?: unknown;
}

/** A vendor answer read back into the contract's terms. */
export interface VendorReply {
  outcome: 'done' | 'queued' | 'failed';
  /** NIC's ids under the contract's names (done). */
  nic?: Record<string, unknown>;
  /** The client's own id (queued). */
  provisionalId?: string;
  reason?: string;
}

/** The vendor request for one mapped step: `request` is the contract body (or, for a GET, the path parameters). */
export function mappedRequest(args: { stepMapping: VendorStepMapping; correlationHeader: string; request: Record<string, unknown>; correlationId: string }): VendorRequest {
  const { stepMapping, request, correlationId } = args;
  const headers: Record<string, string> = { [args.correlationHeader]: correlationId };
  for (const [header, source] of Object.entries(stepMapping.headers ?? {})) {
    const value = resolveSource({ source, request, correlationId });
    if (value !== undefined && value !== null) headers[header] = String(value);
  }
  const path = fillVendorPath({ template: stepMapping.path, request });
  if (stepMapping.method === 'GET') return { method: 'GET', path, headers };
  let body: unknown = request;
  if (stepMapping.body) {
    const built: Record<string, unknown> = {};
    for (const [target, source] of Object.entries(stepMapping.body)) {
      const value = resolveSource({ source, request, correlationId });
      if (value !== undefined) writePath(built, target, value);
    }
    body = built;
  }
  return { method: stepMapping.method, path, headers: { ...headers, 'content-type': 'application/json' }, body };
}

/** The value one field source gives for a request; undefined when the contract field is absent. */
export function resolveSource(args: { source: VendorFieldSource; request: Record<string, unknown>; correlationId: string }): unknown {
  const { source } = args;
  if (typeof source === 'string') return readPath(args.request, source);
  if ('const' in source) return source.const;
  if ('correlationId' in source) return args.correlationId;
  const value = readPath(args.request, source.from);
  if (value === undefined || !source.map) return value;
  const mapped = source.map[String(value)];
  return mapped === undefined ? value : mapped;
}

/** A path template with its `{field}` placeholders filled from the request, URI-encoded. */
export function fillVendorPath(args: { template: string; request: Record<string, unknown> }): string {
  return args.template.replace(/\{([\w.]+)\}/g, (_whole, path: string) => {
    const value = readPath(args.request, path);
    if (value === undefined || value === null) throw new Error(`vendor path ${args.template}: the request has no ${path}`);
    return encodeURIComponent(String(value));
  });
}

/**
 * Reads the vendor's answer to a mapped step: a non-2xx status fails; else the mapped `state` field (or, when
 * none is named, 202 queued and other 2xx done) decides, and NIC's ids are renamed to the contract's.
 */
export function readMappedReply(args: { reply: VendorReplyMapping; httpStatus: number; body: unknown }): VendorReply {
  const { reply } = args;
  const reason = reply.reason ? asText(readPath(args.body, reply.reason)) : undefined;
  let outcome: VendorReply['outcome'];
  if (args.httpStatus < 200 || args.httpStatus >= 300) outcome = 'failed';
  else if (reply.state) {
    const state = readPath(args.body, reply.state) as string | number | boolean;
    outcome = reply.done.includes(state) ? 'done' : reply.queued.includes(state) ? 'queued' : 'failed';
  } else outcome = args.httpStatus === 202 ? 'queued' : 'done';
  if (outcome === 'failed') return { outcome, reason: reason ?? `vendor answered ${args.httpStatus}` };
  if (outcome === 'queued') {
    const provisionalId = reply.provisionalId ? asText(readPath(args.body, reply.provisionalId)) : undefined;
    if (provisionalId === undefined) return { outcome: 'failed', reason: `queued answer without ${reply.provisionalId ?? 'a provisional id field in the mapping'}` };
    return { outcome, provisionalId };
  }
  const nic: Record<string, unknown> = {};
  for (const [name, path] of Object.entries(reply.ids)) {
    const value = readPath(args.body, path);
    if (value === undefined) return { outcome: 'failed', reason: `done answer without ${path} (for ${name})` };
    nic[name] = value;
  }
  return { outcome, nic };
}
