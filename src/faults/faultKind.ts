import type { z } from 'zod';
import type { ToxiproxyControl } from './network/toxiproxyControl.ts';
import type { MocksAdmin } from './app/mocksAdmin.ts';
import type { ServiceName } from '../contract/index.ts';
import type { allServices } from '../scenario/fields.ts';

/** What a fault needs to act on the stack: the Toxiproxy control, the mocks' admin API, and its target. */
export interface FaultContext {
  toxiproxy: ToxiproxyControl;
  mocks: MocksAdmin;
  /** `all` only for a kind that names its services in its settings (`regional-partition`). */
  service: ServiceName | typeof allServices;
  /** Name of the Toxiproxy proxy in front of the service (one per service, or per service and region). */
  proxyName: string;
  /**
   * With client regions (`client.regions`): per region, the proxy name per service. A network fault on a
   * service then acts on that service's proxy in every region; `regional-partition` on one region's only.
   */
  regions?: Record<string, Record<string, string>>;
  /** Unique id of this fault occurrence, used to name toxics and app faults so removal finds exactly them. */
  faultId: string;
}

/**
 * What an applied fault touched while it was applied, as its removal reports it (faults.ndjson remove lines):
 * `hits`, the requests an app fault acted on (the mocks count them); `bytes`, the bytes the proxies of a
 * network fault received, null when the fault disabled them (nothing can pass) or the count is unknown.
 */
export interface FaultTouch {
  hits?: number;
  bytes?: number | null;
}

/** Undoes one applied fault and says what it touched. Must be safe to call once even if the stack is half gone. */
export type RemoveFault = () => Promise<FaultTouch | void>;

/**
 * One fault kind: a small typed definition (Toxiproxy's toxics and STYLE.md are the model). `settings` is a
 * zod schema of the kind's own fields with units in their names; `describe` gives the one line the plan
 * and the event log show; `apply` acts on the stack and returns how to undo exactly that.
 */
export interface FaultKind<Settings extends object = Record<string, unknown>> {
  kind: string;
  layer: 'network' | 'app';
  summary: string;
  /**
   * The kind names its services in its own `services` setting, so the fault's `service` may be left out
   * (then it reads `all`, or the one service `services` lists).
   */
  serviceOptional?: boolean;
  /** Strict schema of the kind's own fields (written flat beside `kind`, `service`, `at` in a scenario). */
  settings: z.ZodType;
  describe(settings: Settings): string;
  apply(context: FaultContext, settings: Settings): Promise<RemoveFault>;
}

/** Lets each kind's file declare its settings type once and still be stored in the untyped registry. */
export function defineFaultKind<Settings extends object>(kind: FaultKind<Settings>): FaultKind {
  return kind as unknown as FaultKind;
}
