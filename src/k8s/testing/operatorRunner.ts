import type { EnvVar } from 'kubernetes-types/core/v1.js';
import type { TestRun } from '../types.ts';

/**
 * The `k6` arguments k6-operator v1.5.0 gives runner `index` (1..parallelism) of a TestRun, in its order
 * (pkg/resources/jobs/runner.go NewRunnerJob; pkg/segmentation NewCommandFragments): quiet, the execution
 * segment and its sequence when parallelism > 1, `spec.arguments`, the script, the REST API address, paused
 * (the starter resumes all runners at once), and the instance and test-run tags.
 */
export function operatorRunnerArgs({ testRun, index, script, address }: { testRun: TestRun; index: number; script: string; address: string }): string[] {
  const total = testRun.spec.parallelism;
  const point = (at: number) => (at === 0 ? '0' : at === total ? '1' : `${at}/${total}`);
  const segment =
    total > 1
      ? [`--execution-segment=${point(index - 1)}:${point(index)}`, `--execution-segment-sequence=${Array.from({ length: total + 1 }, (_, at) => point(at)).join(',')}`]
      : [];
  return [
    'run',
    '--quiet',
    ...segment,
    ...(testRun.spec.arguments ? testRun.spec.arguments.split(' ') : []),
    script,
    `--address=${address}`,
    '--paused',
    '--tag',
    `instance_id=${index}`,
    '--tag',
    `testrun_name=${testRun.metadata.name ?? ''}`,
  ];
}

/**
 * A runner's environment as the kubelet gives it: each `$(NAME)` in a value is replaced by an earlier variable's
 * value; `fieldRef: metadata.name` is the pod's name.
 */
export function kubeletEnv({ env, podName }: { env: EnvVar[]; podName: string }): Record<string, string> {
  const values: Record<string, string> = {};
  for (const variable of env) {
    const value = variable.valueFrom?.fieldRef?.fieldPath === 'metadata.name' ? podName : (variable.value ?? '');
    values[variable.name] = value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, name: string) => values[name] ?? whole);
  }
  return values;
}

/** The body k6-operator's starter PATCHes to each runner's `/v1/status` (pkg/resources/containers/curl_start.go). */
export const resumeBody = JSON.stringify({ data: { attributes: { paused: false }, id: 'default', type: 'status' } });
