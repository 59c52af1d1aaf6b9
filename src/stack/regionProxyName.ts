/**
 * The Toxiproxy proxy of one NIC service for one client region (`icmr-tirupati`). Service names hold no
 * dash, so the name reads back unambiguously; without regions the proxy is named after the service alone.
 */
export function regionProxyName({ service, region }: { service: string; region?: string }): string {
  return region === undefined ? service : `${service}-${region}`;
}
