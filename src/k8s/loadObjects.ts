import type { EnvVar } from 'kubernetes-types/core/v1.js';
import { HarnessError, UserError } from '../core/index.ts';
import { k6EntryFile, k6ScriptEnv } from '../load/index.ts';
import { directClientPort, harnessForwardPort, toolPins } from '../stack/index.ts';
import { resourceNames } from './names.ts';
import type { ConfigMap, PersistentVolumeClaim, TestRun } from './types.ts';

/** Kubernetes rejects a ConfigMap over 1 MiB (etcd's object limit); keep a margin for metadata. */
export const configMapLimitBytes = 1_000_000;

export interface LoadInput {
  scenarioName: string;
  namespace: string;
  parallelism: number;
  /** The script by file name (`script.ts` is the entry), placed in /test/. */
  scriptFiles: Record<string, string>;
  /** Files the script opens, placed beside it in /test/. */
  dataFiles: Record<string, string>;
  /** `__ENV.X` names the script reads: each must be one thap knows how to set. */
  envRead: string[];
  /** The client URL the runners call; default the client in the stack pod. */
  target?: string;
  requestTimeoutMs: number;
  resultsStorageClass?: string;
  resultsSize: string;
}

/**
 * The load side: the script ConfigMap (the script's files and its data, mounted at /test/ in each runner), a
 * ReadWriteMany claim for results (each runner writes /results/<pod>.csv; thap merges them), and the
 * TestRun with `parallelism` runners of the pinned k6 image. k6-operator splits the test with execution
 * segments and does not merge results.
 */
export function loadObjects(input: LoadInput): { scriptConfigMap: ConfigMap; resultsClaim: PersistentVolumeClaim; testRun: TestRun } {
  const names = resourceNames(input.scenarioName);
  const labels = { 'app.kubernetes.io/name': 'thap', 'app.kubernetes.io/component': 'load', 'thap/scenario': input.scenarioName };
  const stackHost = `${names.stack}.${input.namespace}.svc`;
  const size = [...Object.values(input.scriptFiles), ...Object.values(input.dataFiles)].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  if (size > configMapLimitBytes) {
    throw new UserError(
      `the k6 script and its data (${Object.keys(input.dataFiles).join(', ') || 'none'}) come to ${size} bytes, over the ${configMapLimitBytes}-byte ConfigMap limit; ` +
        'fix: shorten clock.duration or lower the traffic rate (fewer patients), or serve the data from a volume',
      { code: 'THAP_K8S_TOO_LARGE' },
    );
  }
  const scriptConfigMap: ConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: names.script, namespace: input.namespace, labels },
    data: { ...input.scriptFiles, ...input.dataFiles },
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
      script: { configMap: { name: names.script, file: k6EntryFile } },
      arguments: '--no-usage-report',
      runner: {
        image: toolPins.k6.image,
        env: [
          ...scriptEnv({ input, stackHost }),
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

/**
 * The values of the variables the script reads. One thap does not know is a HarnessError, so a new
 * variable in the generated script fails the render (and its test) instead of running with it unset.
 */
function scriptEnv({ input, stackHost }: { input: LoadInput; stackHost: string }): EnvVar[] {
  const values: Record<string, string> = k6ScriptEnv({
    target: input.target ?? `http://${stackHost}:${directClientPort}`,
    // The slip store shared by every runner: the harness endpoint in the stack pod (src/load/serveHarness.ts).
    harnessUrl: `http://${stackHost}:${harnessForwardPort}`,
    requestTimeoutMs: input.requestTimeoutMs,
  });
  const unknown = input.envRead.filter((name) => values[name] === undefined);
  if (unknown.length > 0) {
    throw new HarnessError(`the k6 script reads ${unknown.map((name) => `__ENV.${name}`).join(', ')}, which thap k8s render does not set; fix: set them in the script, or report this as a thap bug`, {
      code: 'THAP_K8S_SCRIPT',
    });
  }
  return input.envRead.map((name) => ({ name, value: values[name] as string }));
}
