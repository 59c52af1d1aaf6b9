import type { ConfigMap, EnvVar, PersistentVolumeClaim, Service, Volume, VolumeMount } from 'kubernetes-types/core/v1.js';
import type { Deployment } from 'kubernetes-types/apps/v1.js';
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';

/**
 * k6-operator's TestRun (k6.io/v1alpha1), the fields thap sets (grafana/k6-operator api/v1alpha1/testrun_types.go;
 * the rendered objects are validated against the CRD's schema, crd/). With `script.localFile` nothing is mounted
 * by the operator: the runner's own volumes hold the script.
 */
export interface TestRun {
  apiVersion: 'k6.io/v1alpha1';
  kind: 'TestRun';
  metadata: ObjectMeta;
  spec: {
    parallelism: number;
    script: { configMap: { name: string; file: string } } | { localFile: string };
    arguments?: string;
    separate?: boolean;
    cleanup?: 'post';
    runner: {
      image: string;
      env?: EnvVar[];
      initContainers?: Array<{ name: string; image: string; args?: string[]; env?: EnvVar[]; volumeMounts?: VolumeMount[] }>;
      volumes?: Volume[];
      volumeMounts?: VolumeMount[];
    };
  };
}

export type KubeObject = ConfigMap | Deployment | Service | PersistentVolumeClaim | Job | TestRun;

export type { ConfigMap, Deployment, Job, Service, PersistentVolumeClaim };
