import type { FaultContext } from '../faultRuntime.ts';

/**
 * The proxies a network fault on the context's service acts on: the service's one proxy, or with client
 * regions its proxy in every region (a NIC outage is seen from everywhere; only `regional-partition` picks).
 */
export function proxiesOf({ proxyName, service, regions }: Pick<FaultContext, 'proxyName' | 'service' | 'regions'>): string[] {
  if (!regions) return [proxyName];
  const names = Object.values(regions).flatMap((proxies) => (proxies[service] === undefined ? [] : [proxies[service]]));
  return names.length > 0 ? names : [proxyName];
}
