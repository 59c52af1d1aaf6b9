import { z } from 'zod';
import type { FieldError } from '../http/errorResponse.ts';
import { serviceNames, type ServiceName } from '../../src/contract/index.ts';
import { faultKinds } from './registry.ts';
import type { AnyFaultKind, FaultTarget } from './types.ts';

const envelopeSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'id: letters, digits, _ . - (max 64)').optional(),
  kind: z.string(),
  target: z
    .strictObject({
      service: z.enum(serviceNames).optional(),
      route: z.string().startsWith('/').optional(),
      method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
    })
    .default({}),
  rate: z.number().min(0).max(1).default(1),
  description: z.string().max(200).optional(),
  settings: z.unknown().optional(),
});

export interface ParsedFault {
  id?: string;
  kind: AnyFaultKind;
  target: FaultTarget;
  rate: number;
  settings: unknown;
  description: string;
}

/**
 * Validates a `POST /__admin/faults` body: the envelope, then the kind's own settings. An unknown kind
 * is an error that lists the known ones. The target service defaults to the port's service.
 */
export function parseFault(body: unknown, defaultService: ServiceName): { ok: true; fault: ParsedFault } | { ok: false; fields: FieldError[] } {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) return { ok: false, fields: toFields(envelope.error, '') };
  const kind = faultKinds.get(envelope.data.kind);
  if (!kind) {
    return { ok: false, fields: [{ path: 'kind', message: `unknown fault kind; known kinds: ${[...faultKinds.keys()].join(', ')}`, got: JSON.stringify(envelope.data.kind) }] };
  }
  const settings = kind.settings.safeParse(envelope.data.settings ?? {});
  if (!settings.success) return { ok: false, fields: toFields(settings.error, 'settings.') };
  const target: FaultTarget = { service: envelope.data.target.service ?? defaultService, route: envelope.data.target.route, method: envelope.data.target.method };
  const where = `${target.service}${target.method ? ` ${target.method}` : ''}${target.route ? ` ${target.route}` : ''}`;
  const rate = envelope.data.rate;
  const description = envelope.data.description ?? `${where}: ${kind.describe(settings.data)}${rate < 1 ? ` for ${Math.round(rate * 1000) / 10}% of requests` : ''}`;
  return { ok: true, fault: { id: envelope.data.id, kind, target, rate, settings: settings.data, description } };
}

function toFields(error: z.ZodError, prefix: string): FieldError[] {
  return error.issues.map((issue) => ({ path: `${prefix}${issue.path.map(String).join('.')}` || '(root)', message: issue.message }));
}
