import { createRng, deriveSeed } from '../shared/rng.ts';
import type { EarlyAnswer, Exchange } from '../http/exchange.ts';
import type { ServiceName } from '../../src/contract/index.ts';
import type { ParsedFault } from './parseFault.ts';
import type { ActiveFault, AnyFaultKind, BodyTransform, CallbackPlan } from './types.ts';

interface Entry {
  fault: ActiveFault;
  kind: AnyFaultKind;
}

/**
 * The faults set at run time, shared by every service of one mocks process. Each fault draws from its own
 * seeded source (seed + fault id), so the same seed and the same request order give the same decisions.
 */
export class FaultStore {
  private readonly entries: Entry[] = [];
  private readonly byService = new Map<ServiceName, Entry[]>();
  private counter = 0;

  constructor(
    private readonly seed: number,
    private readonly expireSessions: (service: ServiceName, before: number) => void,
  ) {}

  add(parsed: ParsedFault, now = Date.now()): ActiveFault {
    const id = parsed.id ?? `f${++this.counter}`;
    this.remove(id);
    const fault: ActiveFault = {
      id,
      kind: parsed.kind.kind,
      target: parsed.target,
      rate: parsed.rate,
      settings: parsed.settings,
      description: parsed.description,
      createdAt: now,
      rng: createRng(deriveSeed(this.seed, `fault:${id}`)),
      hits: 0,
      state: {},
    };
    const entry = { fault, kind: parsed.kind };
    this.entries.push(entry);
    this.index();
    parsed.kind.onApply?.({ fault, now, expireSessions: this.expireSessions });
    return fault;
  }

  list(service?: ServiceName): ActiveFault[] {
    return this.entries.filter((entry) => !service || entry.fault.target.service === service).map((entry) => entry.fault);
  }

  /** Removes a fault; returns it (with its final `hits`), or undefined when no fault has that id. */
  remove(id: string): ActiveFault | undefined {
    const at = this.entries.findIndex((entry) => entry.fault.id === id);
    if (at < 0) return undefined;
    const [removed] = this.entries.splice(at, 1);
    this.index();
    return removed?.fault;
  }

  clear(service?: ServiceName): number {
    const before = this.entries.length;
    for (let i = this.entries.length - 1; i >= 0; i--) if (!service || this.entries[i]!.fault.target.service === service) this.entries.splice(i, 1);
    this.index();
    return before - this.entries.length;
  }

  /** True when any fault targets the service: the hot path skips everything else when none does. */
  has(service: ServiceName): boolean {
    return this.byService.has(service);
  }

  /** Runs the request hooks of every matching fault in the order they were set; the first answer wins. */
  async intercept(exchange: Exchange, now = Date.now()): Promise<EarlyAnswer | undefined> {
    for (const { fault, kind } of this.matching(exchange.route.service, exchange.route.path, exchange.method)) {
      if (!kind.onRequest || (kind.appliesTo === 'writes' && !exchange.route.write) || kind.appliesTo === 'callbacks') continue;
      if (!this.roll(fault, kind)) continue;
      const answer = await kind.onRequest({ fault, exchange, now });
      // A fault touched the request whether it answered it or let it through: a rate limit metered every request
      // it saw, even those under the limit (a client that stays under it is the point, not a fault that did
      // nothing: faults.touched in src/scoring/validity).
      fault.hits++;
      if (answer) {
        exchange.outcome.fault = fault.id;
        return answer;
      }
      exchange.outcome.fault ??= fault.id;
    }
    return undefined;
  }

  /** The body transform of the first matching fault that has one (rolled per answer). */
  deliverTransform(exchange: Exchange): BodyTransform | undefined {
    for (const { fault, kind } of this.matching(exchange.route.service, exchange.route.path, exchange.method)) {
      if (!kind.onDeliver || !this.roll(fault, kind)) continue;
      fault.hits++;
      exchange.outcome.fault ??= fault.id;
      return kind.onDeliver({ fault });
    }
    return undefined;
  }

  /** How one callback of a service's route goes out, after every matching callback fault. */
  callbackPlan(service: ServiceName, route: string, base: CallbackPlan): CallbackPlan & { faults: string[] } {
    let plan = base;
    const faults: string[] = [];
    for (const { fault, kind } of this.matching(service, route, 'POST', true)) {
      if (!kind.onCallback || !this.roll(fault, kind)) continue;
      fault.hits++;
      faults.push(fault.id);
      plan = kind.onCallback({ fault, plan });
    }
    return { ...plan, faults };
  }

  private *matching(service: ServiceName, route: string, method: string, ignoreMethod = false): Generator<Entry> {
    const entries = this.byService.get(service);
    if (!entries) return;
    for (const entry of entries) {
      const { target } = entry.fault;
      if (target.route && target.route !== route) continue;
      if (!ignoreMethod && target.method && target.method !== method) continue;
      yield entry;
    }
  }

  private roll(fault: ActiveFault, kind: AnyFaultKind): boolean {
    if (kind.rolled === false || fault.rate >= 1) return true;
    return fault.rng() < fault.rate;
  }

  private index(): void {
    this.byService.clear();
    for (const entry of this.entries) {
      const list = this.byService.get(entry.fault.target.service);
      if (list) list.push(entry);
      else this.byService.set(entry.fault.target.service, [entry]);
    }
  }
}
