import { UserError } from '../core/index.ts';
import { resourceNames } from './names.ts';
import { runConfigKeys } from './runnerFiles.ts';
import type { ConfigMap, PersistentVolumeClaim } from './types.ts';

/** Kubernetes rejects a ConfigMap over 1 MiB (etcd's object limit); keep a margin for metadata. */
export const configMapLimitBytes = 1_000_000;

/**
 * What the runners and the conductor share: the run ConfigMap (the resolved scenario, the digest of the
 * runner files it yields, a script given with --script: kilobytes, never the generated data) and the
 * ReadWriteMany results volume (each runner's CSV and summary, the mocks' ledger, the conductor's run directory).
 */
export function runObjects({ scenarioName, namespace, scenarioYaml, digest, script, resultsSize, resultsStorageClass }: {
  scenarioName: string;
  namespace: string;
  scenarioYaml: string;
  digest: string;
  script?: string;
  resultsSize: string;
  resultsStorageClass?: string;
}): { runConfig: ConfigMap; resultsClaim: PersistentVolumeClaim } {
  const names = resourceNames(scenarioName);
  const labels = { 'app.kubernetes.io/name': 'thap', 'app.kubernetes.io/component': 'run', 'thap/scenario': scenarioName };
  const data = { [runConfigKeys.scenario]: scenarioYaml, [runConfigKeys.digest]: digest, ...(script === undefined ? {} : { [runConfigKeys.script]: script }) };
  const size = Object.values(data).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  if (size > configMapLimitBytes) {
    throw new UserError(`scenario ${scenarioName}: the scenario${script === undefined ? '' : ' and the --script'} come to ${size} bytes, over the ${configMapLimitBytes}-byte ConfigMap limit; fix: shorten the script or the scenario's inline lists`, {
      code: 'THAP_K8S_TOO_LARGE',
    });
  }
  return {
    runConfig: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: names.runConfig, namespace, labels }, data },
    resultsClaim: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: names.results, namespace, labels },
      spec: {
        accessModes: ['ReadWriteMany'],
        resources: { requests: { storage: resultsSize } },
        ...(resultsStorageClass ? { storageClassName: resultsStorageClass } : {}),
      },
    },
  };
}
