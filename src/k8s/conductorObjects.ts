import { harnessForwardPort } from '../stack/index.ts';
import { resourceNames } from './names.ts';
import { runConfigKeys } from './runnerFiles.ts';
import type { Job, Service } from './types.ts';

/** The port the conductor serves the harness endpoint on (the runners' THAP_HARNESS_URL). */
export const conductorPort = harnessForwardPort;

/** Where the conductor writes the run directory on the results volume. */
export const conductorReportsDir = '/results/reports';

/**
 * The conductor: `thap conduct` from the thap image, as a Job (it runs once, for one TestRun), and the Service
 * the runners reach its harness endpoint through. It reads the scenario from the run ConfigMap, drives the fault
 * timeline against the stack's Toxiproxy and mocks, waits for the runners' outputs on the results volume, and
 * writes the scored run directory there (docs/k8s.md).
 */
export function conductorObjects({ scenarioName, namespace, thapImage, parallelism, stackHost, clientUrl }: {
  scenarioName: string;
  namespace: string;
  thapImage: string;
  parallelism: number;
  stackHost: string;
  /** The client under test when it is not the stack pod's reference client (--target). */
  clientUrl?: string;
}): { job: Job; service: Service } {
  const names = resourceNames(scenarioName);
  const labels = { 'app.kubernetes.io/name': 'thap', 'app.kubernetes.io/component': 'conductor', 'thap/scenario': scenarioName };
  const metadata = { name: names.conductor, namespace, labels };
  const args = [
    'conduct',
    `/config/${runConfigKeys.scenario}`,
    '--runners',
    String(parallelism),
    '--results',
    '/results',
    '--stack-host',
    stackHost,
    ...(clientUrl ? ['--client', clientUrl] : []),
    '--harness-listen',
    `0.0.0.0:${conductorPort}`,
    '--out',
    conductorReportsDir,
  ];
  const job: Job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata,
    spec: {
      backoffLimit: 0,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'conductor',
              image: thapImage,
              args,
              ports: [{ name: 'harness', containerPort: conductorPort }],
              // Ready once the harness endpoint answers: apply the TestRun after that (README.md).
              readinessProbe: { httpGet: { path: '/slips/probe', port: conductorPort }, periodSeconds: 2 },
              volumeMounts: [
                { name: 'run-config', mountPath: '/config', readOnly: true },
                { name: 'results', mountPath: '/results' },
              ],
            },
          ],
          volumes: [
            { name: 'run-config', configMap: { name: names.runConfig } },
            { name: 'results', persistentVolumeClaim: { claimName: names.results } },
          ],
        },
      },
    },
  };
  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    spec: { selector: labels, ports: [{ name: 'harness', port: conductorPort, targetPort: conductorPort, protocol: 'TCP' }] },
  };
  return { job, service };
}
