import { UserError } from '../errors.ts';
import { toolPins } from '../stack/tools/pins.ts';
import { directClientPort, directMockPorts } from '../stack/container/layout.ts';
import { resourceNames } from './names.ts';
import type { ConfigMap, PersistentVolumeClaim, TestRun } from './types.ts';

/** Kubernetes rejects a ConfigMap over 1 MiB (etcd's object limit); keep a margin for metadata. */
export const configMapLimitBytes = 1_000_000;

export interface LoadInput {
  scenarioName: string;
  namespace: string;
  parallelism: number;
  script: string;
  /** `patients.json` for the script's SharedArray. */
  patients: string;
  /** The client URL the runners call; default the client in the stack pod. */
  target?: string;
  runTag: string;
  requestTimeoutMs: number;
  resultsStorageClass?: string;
  resultsSize: string;
}

/**
 * The load side: the script ConfigMap (script.ts + patients.json, mounted at /test/ in each runner), a
 * ReadWriteMany claim for results (each runner writes /results/<pod>.csv; thap merges them), and the
 * TestRun with `parallelism` runners of the pinned k6 image. k6-operator splits the test with execution
 * segments and does not merge results.
 */
export function loadObjects(input: LoadInput): { scriptConfigMap: ConfigMap; resultsClaim: PersistentVolumeClaim; testRun: TestRun } {
  const names = resourceNames(input.scenarioName);
  const labels = { 'app.kubernetes.io/name': 'thap', 'app.kubernetes.io/component': 'load', 'thap/scenario': input.scenarioName };
  const stackHost = `${names.stack}.${input.namespace}.svc`;
  const size = Buffer.byteLength(input.script) + Buffer.byteLength(input.patients);
  if (size > configMapLimitBytes) {
    throw new UserError(
      `the k6 script and patients.json come to ${size} bytes, over the ${configMapLimitBytes}-byte ConfigMap limit; ` +
        'fix: shorten clock.duration or lower the traffic rate (fewer patients), or serve the data from a volume',
      { code: 'THAP_K8S_TOO_LARGE' },
    );
  }
  const scriptConfigMap: ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: names.script, namespace: input.namespace, labels },
    data: { 'script.ts': input.script, 'patients.json': input.patients },
  };
  const resultsClaim: PersistentVolumeClaim = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: names.results, namespace: input.namespace, labels },
    spec: {
      accessModes: ['ReadWriteMany'],
      resources: { requests: { storage: input.resultsSize } },
      ...(input.resultsStorageClass ? { storageClassName: input.resultsStorageClass } : {}),
    },
  };
  const testRun: TestRun = {
    apiVersion: 'k6.io/v1alpha1',
    kind: 'TestRun',
    metadata: { name: names.testRun, namespace: input.namespace, labels },
    spec: {
      parallelism: input.parallelism,
      script: { configMap: { name: names.script, file: 'script.ts' } },
      arguments: '--no-usage-report',
      runner: {
        image: toolPins.k6.image,
        env: [
          { name: 'THAP_TARGET', value: input.target ?? `http://${stackHost}:${directClientPort}` },
          // setup() calls the beacon once: here it is just a mock's health check (no local thap to tell t0 to).
          { name: 'THAP_BEACON_URL', value: `http://${stackHost}:${directMockPorts.ehospital}/__admin/health` },
          { name: 'THAP_RUN_TAG', value: input.runTag },
          { name: 'THAP_REQUEST_TIMEOUT', value: `${input.requestTimeoutMs}ms` },
          { name: 'K6_CSV_TIME_FORMAT', value: 'unix_milli' },
          { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          // Kubernetes expands $(POD_NAME): one CSV per runner, merged afterwards (docs/scale.md).
          { name: 'K6_OUT', value: 'csv=/results/k6-$(POD_NAME).csv' },
        ],
        volumes: [{ name: 'results', persistentVolumeClaim: { claimName: names.results } }],
        volumeMounts: [{ name: 'results', mountPath: '/results' }],
      },
    },
  };
  return { scriptConfigMap, resultsClaim, testRun };
}
