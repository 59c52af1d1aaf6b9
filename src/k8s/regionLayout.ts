import { serviceNames, type ServiceName } from '../contract/index.ts';
import { clientPort } from '../stack/index.ts';

/** One client region in the stack pod: its client's port there, its forward for the runners, its NIC proxies. */
export interface RegionPlace {
  region: string;
  /** The region's client listens here inside the pod (`PORT`). */
  clientPort: number;
  /** Toxiproxy forwards this port, open to other pods, to the region's client (fault-free). */
  directClientPort: number;
  /** Where the region's proxy of each NIC service listens, inside the pod (the region's client's NIC URLs). */
  proxyPorts: Record<ServiceName, number>;
}

/**
 * Client regions (outages.md O8) in the stack pod, in the scenario's order: region k's client on 8081+k, forwarded
 * on 22201+k, its proxies on 23001+100k.. in serviceNames order (the proxies are named `<service>-<region>`, as
 * the local stack names them). Below the ephemeral range for the ~90 regions a scenario could name.
 */
export function regionLayout(regions: ReadonlyArray<{ name: string }>): RegionPlace[] {
  return regions.map(({ name }, k) => ({
    region: name,
    clientPort: clientPort + 1 + k,
    directClientPort: 22201 + k,
    proxyPorts: Object.fromEntries(serviceNames.map((service, index) => [service, 23001 + 100 * k + index])) as Record<ServiceName, number>,
  }));
}
