import type { EnvVar } from 'kubernetes-types/core/v1.js';
import { HarnessError } from '../core/index.ts';
import { k6EntryFile, k6ScriptEnv } from '../load/index.ts';
import { toolPins } from '../stack/index.ts';
import { resourceNames } from './names.ts';
import { runConfigKeys, runnerFilesDir } from './runnerFiles.ts';
import type { TestRun } from './types.ts';

export interface LoadInput {
  scenarioName: string;
  namespace: string;
  parallelism: number;
  thapImage: string;
  /** `__ENV.X` names the script reads: each must be one thap knows how to set. */
  envRead: string[];
  /** The client URL the runners call. */
  target: string;
  /** With client regions: each region's client URL (THAP_TARGETS); a visit of a region goes there. */
  regionTargets?: Record<string, string>;
  /** The conductor's harness endpoint (t0 beacon, slip store), as the runners reach it. */
  harnessUrl: string;
  /** The SMS mock's own URL (the patients' phones), when the scenario serves `sms`. */
  phoneUrl?: string;
  requestTimeoutMs: number;
  /** Digest of the runner files the render saw (runnerFiles.ts): the init container refuses other data. */
  digest: string;
  /** A script given with --script: the init container copies it from the run ConfigMap. */
  givenScript: boolean;
}

/** Where each runner writes its outputs on the shared results volume; Kubernetes expands $(POD_NAME). */
export const runnerOutputs = { csv: '/results/k6-$(POD_NAME).csv', summary: '/results/k6-$(POD_NAME).summary.json' } as const;

/**
 * The TestRun: `parallelism` runners of the pinned k6 image; k6-operator gives each an execution segment and
 * does not merge results. No data travels in a ConfigMap: each runner's init container (the thap image,
 * `thap k8s prepare`) generates the script and its data from the scenario's seed into an emptyDir, and k6 runs
 * it as `spec.script.localFile`. Each runner writes its CSV and, once that CSV is complete (k6 writes the
 * summary export after it stops its outputs), its summary to the results volume, where the conductor finds them.
 */
export function testRunObject(input: LoadInput): TestRun {
  const names = resourceNames(input.scenarioName);
  const labels = { 'app.kubernetes.io/name': 'thap', 'app.kubernetes.io/component': 'load', 'thap/scenario': input.scenarioName };
  const configDir = '/config';
  return {
    apiVersion: 'k6.io/v1alpha1',
    kind: 'TestRun',
    metadata: { name: names.testRun, namespace: input.namespace, labels },
    spec: {
      parallelism: input.parallelism,
      script: { localFile: `${runnerFilesDir}/${k6EntryFile}` },
      arguments: '--no-usage-report',
      runner: {
        image: toolPins.k6.image,
        env: [
          ...scriptEnv(input),
          { name: 'K6_CSV_TIME_FORMAT', value: 'unix_milli' },
          { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          { name: 'K6_OUT', value: `csv=${runnerOutputs.csv}` },
          { name: 'K6_SUMMARY_EXPORT', value: runnerOutputs.summary },
        ],
        initContainers: [
          {
            name: 'thap-prepare',
            image: input.thapImage,
            args: [
              'k8s',
              'prepare',
              `${configDir}/${runConfigKeys.scenario}`,
              '--out',
              runnerFilesDir,
              '--digest',
              input.digest,
              ...(input.givenScript ? ['--script', `${configDir}/${runConfigKeys.script}`] : []),
            ],
            volumeMounts: [
              { name: 'thap-files', mountPath: runnerFilesDir },
              { name: 'run-config', mountPath: configDir, readOnly: true },
            ],
          },
        ],
        volumes: [
          { name: 'thap-files', emptyDir: {} },
          { name: 'run-config', configMap: { name: names.runConfig } },
          { name: 'results', persistentVolumeClaim: { claimName: names.results } },
        ],
        volumeMounts: [
          { name: 'thap-files', mountPath: runnerFilesDir, readOnly: true },
          { name: 'results', mountPath: '/results' },
        ],
      },
    },
  };
}

/**
 * The values of the variables the script reads. One thap does not know is a HarnessError, so a new
 * variable in the generated script fails the render (and its test) instead of running with it unset.
 */
function scriptEnv(input: LoadInput): EnvVar[] {
  const values: Record<string, string> = k6ScriptEnv({
    target: input.target,
    harnessUrl: input.harnessUrl,
    requestTimeoutMs: input.requestTimeoutMs,
    ...(input.phoneUrl ? { phoneUrl: input.phoneUrl } : {}),
    ...(input.regionTargets ? { regionTargets: input.regionTargets } : {}),
  });
  const unknown = input.envRead.filter((name) => values[name] === undefined);
  if (unknown.length > 0) {
    throw new HarnessError(`the k6 script reads ${unknown.map((name) => `__ENV.${name}`).join(', ')}, which thap k8s render does not set; fix: set them in the script, or report this as a thap bug`, {
      code: 'THAP_K8S_SCRIPT',
    });
  }
  return input.envRead.map((name) => ({ name, value: values[name] as string }));
}
