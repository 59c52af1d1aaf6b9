import { describe, expect, it } from 'vitest';
import type { TestRun } from '../types.ts';
import { kubeletEnv, operatorRunnerArgs } from './operatorRunner.ts';

const testRun = { apiVersion: 'k6.io/v1alpha1', kind: 'TestRun', metadata: { name: 'thap-demo' }, spec: { parallelism: 3, script: { localFile: '/thap/script.ts' }, arguments: '--no-usage-report', runner: { image: 'k6' } } } satisfies TestRun;

describe('the runner command line k6-operator builds', () => {
  it('gives runner i of N the segment (i-1)/N:i/N of the whole sequence, paused, tagged', () => {
    expect(operatorRunnerArgs({ testRun, index: 1, script: '/thap/script.ts', address: '0.0.0.0:6565' })).toEqual([
      'run', '--quiet', '--execution-segment=0:1/3', '--execution-segment-sequence=0,1/3,2/3,1', '--no-usage-report', '/thap/script.ts', '--address=0.0.0.0:6565', '--paused', '--tag', 'instance_id=1', '--tag', 'testrun_name=thap-demo',
    ]);
    expect(operatorRunnerArgs({ testRun, index: 3, script: 's.ts', address: 'a:1' }).slice(2, 4)).toEqual(['--execution-segment=2/3:1', '--execution-segment-sequence=0,1/3,2/3,1']);
    expect(operatorRunnerArgs({ testRun: { ...testRun, spec: { ...testRun.spec, parallelism: 1 } }, index: 1, script: 's.ts', address: 'a:1' })).not.toContain('--execution-segment=0:1');
  });

  it('expands $(NAME) from earlier variables and the pod name, as the kubelet does', () => {
    const env = kubeletEnv({
      podName: 'thap-demo-2-abcde',
      env: [
        { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'K6_OUT', value: 'csv=/results/k6-$(POD_NAME).csv' },
        { name: 'LATER', value: '$(NOT_YET)' },
        { name: 'NOT_YET', value: 'x' },
      ],
    });
    expect(env).toEqual({ POD_NAME: 'thap-demo-2-abcde', K6_OUT: 'csv=/results/k6-thap-demo-2-abcde.csv', LATER: '$(NOT_YET)', NOT_YET: 'x' });
  });
});
