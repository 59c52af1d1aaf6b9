import { nicUrlVar, serviceNames, type ServiceName } from '../../contract/index.ts';
import { toolPins } from '../tools/pins.ts';

/**
 * The fixed layout of the container stack (docker-compose.yml, the testcontainers provider, the Kubernetes
 * manifests). Every process listens on loopback, as the mocks and reference clients require, so the
 * containers share one network namespace (compose: `network_mode: service:toxiproxy`; Kubernetes: one pod).
 * Ports are outside the ephemeral range 32768-60999 (TOOLS.md).
 */
export const containerImages = {
  toxiproxy: toolPins.toxiproxy.image,
  k6: toolPins.k6.image,
  /** Runs the mocks and the reference client from the mounted repository (package.json engines: >=20.19). */
  node: 'node:20-bookworm-slim',
} as const;

/** Toxiproxy's control API inside the stack. */
export const toxiproxyApiPort = 8474;

/** Where each NIC mock listens (upstream of Toxiproxy): 21101.. in serviceNames order. */
export const mockPorts = Object.fromEntries(serviceNames.map((service, index) => [service, 21101 + index])) as Record<ServiceName, number>;

/** Where Toxiproxy listens for each service (what the client calls): 21001.. in serviceNames order. */
export const proxyPorts = Object.fromEntries(serviceNames.map((service, index) => [service, 21001 + index])) as Record<ServiceName, number>;

/** The client under test listens here (`PORT`). */
export const clientPort = 8080;

/**
 * One Toxiproxy proxy per service, in the format of `toxiproxy-server -config FILE` and `POST /populate`.
 * `listenHost` 0.0.0.0 lets clients in other pods call the proxies (Kubernetes); the default keeps them on loopback.
 */
export function toxiproxyProxies({ listenHost = '127.0.0.1' }: { listenHost?: string } = {}): Array<{ name: ServiceName; listen: string; upstream: string; enabled: boolean }> {
  return serviceNames.map((service) => ({
    name: service,
    listen: `${listenHost}:${proxyPorts[service]}`,
    upstream: `127.0.0.1:${mockPorts[service]}`,
    enabled: true,
  }));
}

/** The client's environment: its port and the proxied URL of every NIC service (docs/client-contract.md). */
export function clientEnvironment({ timeScale = 1 }: { timeScale?: number } = {}): Record<string, string> {
  const env: Record<string, string> = { PORT: String(clientPort), THAP_TIME_SCALE: String(timeScale) };
  for (const service of serviceNames) env[nicUrlVar(service)] = `http://127.0.0.1:${proxyPorts[service]}`;
  return env;
}

/**
 * Toxiproxy also forwards, fault-free, what the host must reach inside the shared loopback namespace
 * (published ports reach the container's external address, not 127.0.0.1): the client and each mock's
 * admin API. Proxy names start with `direct-` so the fault driver never touches them.
 */
export const directClientPort = 22080;
/** Kubernetes: thap's harness endpoint (the k6 script's slip store) in the stack pod, forwarded by Toxiproxy. */
export const harnessForwardPort = 22090;
export const directMockPorts = Object.fromEntries(serviceNames.map((service, index) => [service, 22101 + index])) as Record<ServiceName, number>;

export function directForwards(): Array<{ name: string; listen: string; upstream: string; enabled: boolean }> {
  return [
    { name: 'direct-client', listen: `0.0.0.0:${directClientPort}`, upstream: `127.0.0.1:${clientPort}`, enabled: true },
    ...serviceNames.map((service) => ({
      name: `direct-${service}`,
      listen: `0.0.0.0:${directMockPorts[service]}`,
      upstream: `127.0.0.1:${mockPorts[service]}`,
      enabled: true,
    })),
  ];
}
