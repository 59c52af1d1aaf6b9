import type { z } from 'zod';
import type { EarlyAnswer, Exchange } from '../http/exchange.ts';
import type { Rng } from '../shared/rng.ts';
import type { ServiceName } from '../../src/contract/index.ts';

/** Which requests a fault applies to: a service, optionally one route (its path pattern) and/or method. */
export interface FaultTarget {
  service: ServiceName;
  route?: string;
  method?: string;
}

/** How a fault changes the bytes of an answer on the wire. */
export type BodyTransform =
  | { type: 'slow'; chunkBytes: number; chunkDelayMs: number }
  | { type: 'truncate'; keepFraction: number }
  | { type: 'malformed' };

/** How a fault changes an asynchronous callback (ABDM on-share, payment webhook, SMS delivery). */
export interface CallbackPlan {
  delayMs: number;
  copies: number;
}

/** A fault as set through `POST /__admin/faults`: kind, settings, target, rate and its own seeded random source. */
export interface ActiveFault<S = unknown> {
  id: string;
  kind: string;
  target: FaultTarget;
  /** Probability that the fault applies to one matching request (0..1); rolled per request. */
  rate: number;
  settings: S;
  description: string;
  createdAt: number;
  rng: Rng;
  /** Requests (or callbacks) the fault has acted on. */
  hits: number;
  /** Per-kind runtime state (rate-limit counters). */
  state: Record<string, unknown>;
}

/**
 * One fault kind: a schema for its settings, a one-line description, and the hooks it acts through. The
 * registry rolls `rate` before calling a hook; a hook only decides what the fault does.
 */
export interface FaultKind<S> {
  kind: string;
  summary: string;
  settings: z.ZodType<S>;
  /** Kinds that only make sense for writes or callbacks say so; others apply to every matching request. */
  appliesTo?: 'requests' | 'writes' | 'callbacks';
  /** false: `rate` is not rolled, the hook sees every matching request (a rate limit counts them all). Default true. */
  rolled?: boolean;
  describe(settings: S): string;
  /** Before the handler: answer instead (a status), wait (latency), or mark the exchange (not stored). */
  onRequest?(args: { fault: ActiveFault<S>; exchange: Exchange; now: number }): Promise<EarlyAnswer | undefined> | EarlyAnswer | undefined;
  /** How the answer's bytes go out. */
  onDeliver?(args: { fault: ActiveFault<S> }): BodyTransform | undefined;
  /** How a callback goes out. */
  onCallback?(args: { fault: ActiveFault<S>; plan: CallbackPlan }): CallbackPlan;
  /** Once, when the fault is set (session expiry). */
  onApply?(args: { fault: ActiveFault<S>; now: number; expireSessions: (service: ServiceName, before: number) => void }): void;
}

// The registry stores kinds of different settings types side by side.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFaultKind = FaultKind<any>;

/** Defines a fault kind; returns it unchanged (it exists so that each definition is type-checked). */
export function defineFaultKind<S>(kind: FaultKind<S>): FaultKind<S> {
  return kind;
}
