const WORST_MIN_LOGICAL = 5;

export interface FromFault {
  attempts: number;
  logical: number;
  /** The route with the most attempts per logical request (at least 5 logical requests). */
  worst?: { route: string; attempts: number; logical: number };
}

/**
 * Attempts per logical request, a logical request being a service, a method and the request's own key
 * (idempotencyKey, clientRef or businessKey), and which logical requests were attempted from the first fault on,
 * each under the route of its first attempt then (readUpstream): the retries a fault provokes are diluted by a
 * long calm run when counted over the whole run.
 *
 * Kept as `service|method` to key to count, so that a logical request costs the key string the line already
 * holds and one Map entry, not a joined string per request: joined keys were the largest thing scoring held
 * on 10M samples (bench entry `scoring`). Requests are told apart exactly as by the joined `service|method|key`
 * string: a service or method containing `|` is split where that string's second `|` falls.
 */
export class LogicalRequests {
  private readonly attempts = new Map<string, Map<string, number>>();
  /** Logical request -> index of its route in `routes` (interned: one string per route, not per request). */
  private readonly fromFault = new Map<string, Map<string, number>>();
  private readonly routes: string[] = [];
  private readonly routeIndex = new Map<string, number>();
  private count = 0;

  add({ service, method, key, path, afterFault }: { service: string; method: string; key: string; path: string; afterFault: boolean }): void {
    const [group, ref] = split(service, method, key);
    let counts = this.attempts.get(group);
    if (counts === undefined) {
      counts = new Map();
      this.attempts.set(group, counts);
    }
    const seen = counts.get(ref);
    if (seen === undefined) this.count += 1;
    counts.set(ref, (seen ?? 0) + 1);
    if (!afterFault) return;
    let routed = this.fromFault.get(group);
    if (routed === undefined) {
      routed = new Map();
      this.fromFault.set(group, routed);
    }
    if (routed.has(ref)) return;
    const route = `${service} ${method} ${path}`;
    let index = this.routeIndex.get(route);
    if (index === undefined) {
      index = this.routes.push(route) - 1;
      this.routeIndex.set(route, index);
    }
    routed.set(ref, index);
  }

  /** Logical requests seen. */
  get size(): number {
    return this.count;
  }

  /** Logical requests attempted from the first fault on, with all their attempts (before it too), and the worst route. */
  fromFaultTotals(): FromFault {
    const routeAttempts = this.routes.map(() => 0);
    const routeLogical = this.routes.map(() => 0);
    let attempts = 0;
    let logical = 0;
    for (const [group, routed] of this.fromFault) {
      const counts = this.attempts.get(group);
      for (const [ref, index] of routed) {
        const count = counts?.get(ref) ?? 0;
        attempts += count;
        logical += 1;
        routeAttempts[index] = (routeAttempts[index] ?? 0) + count;
        routeLogical[index] = (routeLogical[index] ?? 0) + 1;
      }
    }
    // Routes in the order they were first seen from the fault on: the first of equally bad routes is the worst.
    let worst: FromFault['worst'];
    for (const [index, route] of this.routes.entries()) {
      const totals = { attempts: routeAttempts[index] ?? 0, logical: routeLogical[index] ?? 0 };
      if (totals.logical < WORST_MIN_LOGICAL) continue;
      if (!worst || totals.attempts / totals.logical > worst.attempts / worst.logical) worst = { route, ...totals };
    }
    return { attempts, logical, ...(worst ? { worst } : {}) };
  }
}

/** `service|method` and the rest of the joined `service|method|key` string, split at its second `|`. */
function split(service: string, method: string, key: string): [string, string] {
  if (!service.includes('|') && !method.includes('|')) return [`${service}|${method}`, key];
  const joined = `${service}|${method}|${key}`;
  const second = joined.indexOf('|', joined.indexOf('|') + 1);
  return [joined.slice(0, second), joined.slice(second + 1)];
}
