import type { Container, ContainerPort, ServicePort } from 'kubernetes-types/core/v1.js';
import { serviceNames } from '../contract/index.ts';
import {
  clientEnvironment,
  containerImages,
  directClientPort,
  directForwards,
  directMockPorts,
  proxyPorts,
  toxiproxyApiPort,
  toxiproxyProxies,
} from '../stack/index.ts';
import type { ConfigMap, Deployment, Service } from './types.ts';
import { resourceNames } from './names.ts';

export interface StackInput {
  scenarioName: string;
  namespace: string;
  thapImage: string;
  seed: number;
  timeScale: number;
  /** The mocks config (`{ services: scenario.services }`), as `thap run` gives it to the mocks. */
  mocksConfig: unknown;
  /** Run the naive reference client in the stack pod; false when the user gives --target. */
  withClient: boolean;
  clientCommand: string[];
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
  const proxies = [...toxiproxyProxies({ listenHost: '0.0.0.0' }), ...directForwards().filter((forward) => input.withClient || forward.name !== 'direct-client')];

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
    ...(input.withClient ? [{ name: 'client', port: directClientPort }] : []),
  ];
  const configMount = { name: 'stack-config', mountPath: '/config', readOnly: true };
  const containers: Container[] = [
    {
      name: 'toxiproxy',
      image: containerImages.toxiproxy,
      args: ['-host=0.0.0.0', `-port=${toxiproxyApiPort}`, '-config=/config/toxiproxy.json'],
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
      readinessProbe: { exec: { command: ['node', '-e', `fetch('http://127.0.0.1:21101/__admin/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`] }, periodSeconds: 2 },
    },
  ];
  if (input.withClient) {
    containers.push({
      name: 'client',
      image: input.thapImage,
      args: input.clientCommand,
      env: Object.entries(clientEnvironment({ timeScale: input.timeScale })).map(([name, value]) => ({ name, value })),
      readinessProbe: { exec: { command: ['node', '-e', `fetch('http://127.0.0.1:8080/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))`] }, periodSeconds: 2 },
    });
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
