import type { Container, ContainerPort, ServicePort } from 'kubernetes-types/core/v1.js';
import { nicUrlVar, serviceNames, type ServiceName } from '../contract/index.ts';
import {
  clientEnvironment,
  clientPort,
  containerImages,
  directClientPort,
  directForwards,
  directMockPorts,
  mockPorts,
  proxyPorts,
  toxiproxyApiPort,
  regionProxyName,
  toxiproxyLogLevel,
  toxiproxyProxies,
} from '../stack/index.ts';
import type { RegionPlace } from './regionLayout.ts';
import type { ConfigMap, Deployment, Service } from './types.ts';
import { resourceNames } from './names.ts';

export interface StackInput {
  scenarioName: string;
  namespace: string;
  thapImage: string;
  seed: number;
  timeScale: number;
  /** The mocks config (src/stack/mocksConfigOf.ts), as `thap run` gives it to the mocks. */
  mocksConfig: unknown;
  /** The services the mocks serve (the scenario's): the mocks are ready when the first answers. */
  services: string[];
  /** Run the naive reference client in the stack pod; false when the user gives --target. */
  withClient: boolean;
  clientCommand: string[];
  /** Client regions (regionLayout.ts): one client per region, each behind its own proxies, instead of the one client. */
  regions?: RegionPlace[];
}

const labels = (scenarioName: string) => ({ 'app.kubernetes.io/name': 'thap', 'app.kubernetes.io/component': 'stack', 'thap/scenario': scenarioName });

/**
 * One pod holds Toxiproxy, the NIC mocks and (optionally) the reference client, because the mocks and the
 * reference clients listen on 127.0.0.1 only. Toxiproxy's NIC proxies listen on 0.0.0.0 so a client in
 * another pod can call them through the Service; `direct-*` forwards expose the client and the mocks'
 * admin API fault-free.
 */
export function stackObjects(input: StackInput): { configMap: ConfigMap; deployment: Deployment; service: Service } {
  const names = resourceNames(input.scenarioName);
  const metadata = (name: string) => ({ name, namespace: input.namespace, labels: labels(input.scenarioName) });
  const regions = input.regions ?? [];
  const oneClient = input.withClient && regions.length === 0;
  const proxies = [
    ...toxiproxyProxies({ listenHost: '0.0.0.0' }),
    ...directForwards().filter((forward) => oneClient || forward.name !== 'direct-client'),
    ...regions.flatMap((place) => [
      ...serviceNames.map((service) => ({ name: regionProxyName({ service, region: place.region }), listen: `127.0.0.1:${place.proxyPorts[service]}`, upstream: `127.0.0.1:${mockPorts[service]}`, enabled: true })),
      { name: `direct-client-${place.region}`, listen: `0.0.0.0:${place.directClientPort}`, upstream: `127.0.0.1:${place.clientPort}`, enabled: true },
    ]),
  ];

  const configMap: ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: metadata(names.stackConfig),
    data: {
      'toxiproxy.json': `${JSON.stringify(proxies, null, 2)}\n`,
      'mocks.config.json': `${JSON.stringify(input.mocksConfig, null, 2)}\n`,
    },
  };

  const portsOf = (list: Array<{ name: string; port: number }>): ContainerPort[] => list.map(({ name, port }) => ({ name, containerPort: port }));
  const published = [
    { name: 'toxiproxy-api', port: toxiproxyApiPort },
    ...serviceNames.map((service) => ({ name: `nic-${service}`, port: proxyPorts[service] })),
    ...serviceNames.map((service) => ({ name: `direct-${service}`.slice(0, 15), port: directMockPorts[service] })),
    ...(oneClient ? [{ name: 'client', port: directClientPort }] : []),
    ...regions.map((place, k) => ({ name: `client-${k}`, port: place.directClientPort })),
  ];
  const configMount = { name: 'stack-config', mountPath: '/config', readOnly: true };
  const containers: Container[] = [
    {
      name: 'toxiproxy',
      image: containerImages.toxiproxy,
      args: ['-host=0.0.0.0', `-port=${toxiproxyApiPort}`, '-config=/config/toxiproxy.json'],
      env: [{ name: 'LOG_LEVEL', value: toxiproxyLogLevel() }],
      ports: portsOf(published),
      volumeMounts: [configMount],
      readinessProbe: { httpGet: { path: '/version', port: toxiproxyApiPort }, periodSeconds: 2 },
    },
    {
      name: 'mocks',
      image: input.thapImage,
      args: ['src/stack/container/serveMocks.ts'],
      env: [
        { name: 'THAP_SEED', value: String(input.seed) },
        { name: 'THAP_RUN_DIR', value: '/results/mocks' },
        { name: 'THAP_MOCKS_CONFIG', value: '/config/mocks.config.json' },
      ],
      volumeMounts: [configMount, { name: 'results', mountPath: '/results' }],
      readinessProbe: { exec: { command: ['node', '-e', `fetch('http://127.0.0.1:${mockPorts[(input.services[0] ?? 'ehospital') as ServiceName]}/__admin/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`] }, periodSeconds: 2 },
    },
  ];
  const clientContainer = (name: string, env: Record<string, string>, port: number): Container => ({
    name,
    image: input.thapImage,
    args: input.clientCommand,
    env: Object.entries(env).map(([variable, value]) => ({ name: variable, value })),
    readinessProbe: { exec: { command: ['node', '-e', `fetch('http://127.0.0.1:${port}/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`] }, periodSeconds: 2 },
  });
  if (oneClient) containers.push(clientContainer('client', clientEnvironment({ timeScale: input.timeScale }), clientPort));
  for (const place of regions) {
    const env: Record<string, string> = { ...clientEnvironment({ timeScale: input.timeScale }), PORT: String(place.clientPort) };
    for (const service of serviceNames) env[nicUrlVar(service)] = `http://127.0.0.1:${place.proxyPorts[service]}`;
    containers.push(clientContainer(`client-${place.region}`, env, place.clientPort));
  }

  const deployment: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadata(names.stack),
    spec: {
      replicas: 1,
      selector: { matchLabels: labels(input.scenarioName) },
      template: {
        metadata: { labels: labels(input.scenarioName) },
        spec: {
          containers,
          volumes: [
            { name: 'stack-config', configMap: { name: names.stackConfig } },
            { name: 'results', persistentVolumeClaim: { claimName: names.results } },
          ],
        },
      },
    },
  };

  const servicePorts: ServicePort[] = published.map(({ name, port }) => ({ name, port, targetPort: port, protocol: 'TCP' }));
  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadata(names.stack),
    spec: { selector: labels(input.scenarioName), ports: servicePorts },
  };
  return { configMap, deployment, service };
}
