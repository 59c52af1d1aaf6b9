/**
 * Which requests a scenario fault targets: its service, and its route and method when it names them; `rate`, the
 * share of them it acts on (the mocks roll per request), when the scenario gives one below 1.
 */
export interface FaultScope {
  service: string;
  route?: string;
  method?: string;
  rate?: number;
}

/** Each fault's scope by its id, from scenario.resolved.json's `faults` (read once, by readRunInfo); none without them. */
export function faultScopesOf(resolved: Record<string, unknown> | undefined): Record<string, FaultScope> {
  const faults = Array.isArray(resolved?.faults) ? (resolved.faults as unknown[]) : [];
  const scopes: Record<string, FaultScope> = {};
  for (const fault of faults) {
    if (typeof fault !== 'object' || fault === null) continue;
    const { id, service, route, method, rate } = fault as Record<string, unknown>;
    if (typeof id !== 'string' || typeof service !== 'string') continue;
    scopes[id] = {
      service,
      ...(typeof route === 'string' ? { route } : {}),
      ...(typeof method === 'string' ? { method: method.toUpperCase() } : {}),
      ...(typeof rate === 'number' && rate >= 0 && rate < 1 ? { rate } : {}),
    };
  }
  return scopes;
}
