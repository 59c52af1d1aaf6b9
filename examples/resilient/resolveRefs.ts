import { field, type JourneyStep } from '../shared/steps/journeyStep.ts';
import type { RefResolution } from '../shared/provisionalIds.ts';

/** Anything that knows which values are provisional ids and NIC's id for each (an outbox, a journal). */
export interface RefResolver {
  resolve(value: string): RefResolution;
}

/** A request with its provisional ids replaced by NIC's, or why that cannot be done yet (or ever). */
export type Resolved =
  | { kind: 'ready'; body: unknown; params: Record<string, string> }
  | { kind: 'waiting'; on: string }
  | { kind: 'dead'; reason: string };

/**
 * Replaces every provisional id in a step's reference fields (body fields and path parameters, single
 * values or arrays such as `srfIds`) with NIC's id, once the write that issued it has been submitted.
 */
export function resolveRefs(args: { step: JourneyStep; body: unknown; params: Record<string, string>; outbox: RefResolver }): Resolved {
  const body = args.body !== null && typeof args.body === 'object' ? { ...(args.body as Record<string, unknown>) } : args.body;
  const params = { ...args.params };
  for (const ref of args.step.refs) {
    if (ref in params) {
      const one = resolveOne(args.outbox, params[ref] as string);
      if (one.kind !== 'real') return one.kind === 'waiting' ? { kind: 'waiting', on: one.on } : { kind: 'dead', reason: one.reason };
      params[ref] = one.value;
    }
    const value = field(body, ref);
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    const resolved: unknown[] = [];
    for (const item of values) {
      if (typeof item !== 'string') {
        resolved.push(item);
        continue;
      }
      const one = resolveOne(args.outbox, item);
      if (one.kind === 'waiting') return { kind: 'waiting', on: one.on };
      if (one.kind === 'dead') return { kind: 'dead', reason: one.reason };
      resolved.push(one.value);
    }
    (body as Record<string, unknown>)[ref] = Array.isArray(value) ? resolved : resolved[0];
  }
  return { kind: 'ready', body, params };
}

function resolveOne(outbox: RefResolver, value: string) {
  return outbox.resolve(value);
}
