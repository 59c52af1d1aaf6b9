import { z } from 'zod';
import { stepNames } from '../steps.ts';
import { correlationIdHeader } from '../headers.ts';

const dotted = z.string().regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\.\d+)*$/, 'a dotted field path like patient.name');

/**
 * Where one vendor field's value comes from: a contract field (`patient.name`), a contract field through a
 * value table (`{ from: patient.gender, map: { female: F } }`), a constant (`{ const: OPD }`), or the
 * correlation id (`{ correlationId: true }`).
 */
export const fieldSourceSchema = z.union([
  dotted,
  z.strictObject({ from: dotted, map: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional() }),
  z.strictObject({ const: z.union([z.string(), z.number(), z.boolean(), z.null()]) }),
  z.strictObject({ correlationId: z.literal(true) }),
]);
export type FieldSource = z.infer<typeof fieldSourceSchema>;

/** How to read the vendor's answer into done / queued / failed and the contract's id names. */
export const replyMappingSchema = z.strictObject({
  /** Dotted path of the field whose value names the outcome; absent: the HTTP status decides (2xx done, 202 queued). */
  state: dotted.optional(),
  done: z.array(z.union([z.string(), z.number(), z.boolean()])).default([]),
  queued: z.array(z.union([z.string(), z.number(), z.boolean()])).default([]),
  /** Contract id name <- vendor field path, e.g. `uhid: result.crNo`. */
  ids: z.record(z.string(), dotted).default({}),
  /** Vendor field that holds the client's own id when queued. */
  provisionalId: dotted.optional(),
  /** Vendor field with a human reason when failed. */
  reason: dotted.optional(),
});

export const stepMappingSchema = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH']),
  /** Vendor path; `{orderId}` placeholders take contract fields (body fields or path parameters). */
  path: z.string().startsWith('/', 'a path starting with /'),
  /** Vendor body: vendor field path -> source. Absent: the contract body is sent unchanged. */
  body: z.record(dotted, fieldSourceSchema).optional(),
  /** Extra vendor headers: header -> source. */
  headers: z.record(z.string().min(1), fieldSourceSchema).optional(),
  reply: replyMappingSchema.default({ done: [], queued: [], ids: {} }),
});

/**
 * A vendor mapping: how the contract's journey steps map onto a vendor's own API. Steps not listed are sent
 * as the contract defines them.
 */
export const vendorMappingSchema = z.strictObject({
  vendor: z.string().min(1),
  description: z.string().optional(),
  /** Header that carries thap's correlation id to the vendor (default X-Correlation-Id). */
  correlationHeader: z.string().min(1).default(correlationIdHeader),
  /** Health path of the vendor's system (default /health). */
  health: z.string().startsWith('/').default('/health'),
  steps: z.partialRecord(z.enum(stepNames), stepMappingSchema).default({}),
});

export type VendorMapping = z.output<typeof vendorMappingSchema>;
export type VendorMappingInput = z.input<typeof vendorMappingSchema>;
export type StepMapping = z.output<typeof stepMappingSchema>;

/** Type-checks a TypeScript mapping module's default export; returns it unchanged. */
export function defineVendorMapping(mapping: VendorMappingInput): VendorMappingInput {
  return mapping;
}
