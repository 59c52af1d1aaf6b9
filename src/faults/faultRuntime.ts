import type { ServiceName } from '../contract/index.ts';
import type { FaultConfig } from '../scenario/faultCatalogue/index.ts';
import type { allServices } from '../scenario/index.ts';
import type { MocksAdmin } from './app/mocksAdmin.ts';
import type { ToxiproxyControl } from './network/toxiproxyControl.ts';

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
 * The runtime of one fault kind: its configuration (src/scenario/faultCatalogue: settings, description)
 * and `apply`, which acts on the stack with settings that configuration has validated and returns how to
 * undo exactly that (Toxiproxy's toxics are the model: settings plus one method).
 */
export interface FaultRuntime<Settings extends object = Record<string, unknown>> {
  config: FaultConfig<Settings>;
  apply(context: FaultContext, settings: Settings): Promise<RemoveFault>;
}

/** Pairs a kind's configuration with its `apply`, typed by the configuration's settings. */
export function defineFaultRuntime<Settings extends object>(
  config: FaultConfig<Settings>,
  apply: (context: FaultContext, settings: Settings) => Promise<RemoveFault>,
): FaultRuntime<Settings> {
  return { config, apply };
}
