import { stringify } from 'yaml';
import { thapVersion, UserError } from '../core/index.ts';
import { planRun } from '../load/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { directClientPort, directMockPorts, mocksConfigOf } from '../stack/index.ts';
import { conductorObjects, conductorPort } from './conductorObjects.ts';
import { testRunObject } from './loadObjects.ts';
import { k8sReadme } from './readme.ts';
import { resourceNames } from './names.ts';
import { runnerFiles, scenarioDocument } from './runnerFiles.ts';
import { runObjects } from './runObjects.ts';
import { regionLayout } from './regionLayout.ts';
import { stackObjects } from './stackObjects.ts';
import type { KubeObject } from './types.ts';

export interface RenderK8sOptions {
  scenario: Scenario;
  parallelism: number;
  namespace?: string;
  /** Image with this repository (docker/Dockerfile): runs the mocks, the reference client, the runners' init containers and the conductor. */
  thapImage?: string;
  /** URL of the client under test as the runners reach it; without it the naive client runs in the stack pod. */
  target?: string;
  /** A k6 script to use instead of the one generated from the scenario (it must read the same env). */
  script?: string;
  resultsStorageClass?: string;
  resultsSize?: string;
}

export interface RenderedK8s {
  /**
   * `stack.yaml` (apply first), `conductor.yaml` (then, and wait until it is ready), `load.yaml` (the
   * TestRun), `README.md`, and the k6 script with its data files as plain files (`script.ts` and its modules,
   * `script-data.json`, `visits-<series>.json`) for docker compose or a local k6: the cluster generates its own.
   */
  files: Record<string, string>;
  stack: KubeObject[];
  conductor: KubeObject[];
  load: KubeObject[];
}

/**
 * Renders a scenario for k6-operator: the stack (Toxiproxy, NIC mocks, optional reference client, one pod),
 * the run's small ConfigMap and results volume, the conductor (Job and Service) and the TestRun with
 * `parallelism` runners that generate their data from the seed. Pure: returns the objects and the file
 * texts; `thap k8s render` writes them.
 */
export function renderK8s(options: RenderK8sOptions): RenderedK8s {
  const { scenario, parallelism } = options;
  if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > 1000) {
    throw new UserError(`--parallelism must be an integer 1-1000 (got ${parallelism}); fix: e.g. --parallelism 4`);
  }
  if (scenario.client.regions && options.target !== undefined) {
    throw new UserError(`scenario ${scenario.name}: client.regions (${scenario.client.regions.map((region) => region.name).join(', ')}) needs one client per region, started in the stack pod from client.command, so --target ${options.target} cannot be used; fix: drop --target, or remove client.regions (and any regional-partition fault)`, { code: 'THAP_REGIONS_TARGET' });
  }
  if (scenario.client.mapping) {
    throw new UserError(`scenario ${scenario.name}: client.mapping (${scenario.client.mapping}) makes the k6 script speak a vendor's API, which the runners' init containers do not generate; fix: run it with \`thap run\`, or render the scenario without client.mapping`, { code: 'THAP_MAPPING_K8S' });
  }
  const namespace = options.namespace ?? 'thap';
  const names = resourceNames(scenario.name);
  const { plan } = planRun(scenario);
  const files = runnerFiles({ scenario, ...(options.script === undefined ? {} : { script: options.script }) });
  const thapImage = options.thapImage ?? `thap:${thapVersion}`;
  const withClient = options.target === undefined;
  if (withClient && !scenario.client.command) {
    throw new UserError('the scenario gives no client.command and no --target URL: nothing to test; fix: pass --target URL of your client in the cluster');
  }
  const stackHost = `${names.stack}.${namespace}.svc`;
  const regions = scenario.client.regions ? regionLayout(scenario.client.regions) : undefined;
  const regionTargets = regions ? Object.fromEntries(regions.map((place) => [place.region, `http://${stackHost}:${place.directClientPort}`])) : undefined;
  const stack = stackObjects({
    scenarioName: scenario.name,
    namespace,
    thapImage,
    seed: scenario.seed,
    timeScale: scenario.clock.speed,
    mocksConfig: mocksConfigOf(scenario),
    services: Object.keys(scenario.services),
    ...(regions ? { regions } : {}),
    withClient,
    clientCommand: stripNodeTsx(scenario.client.command ?? []),
  });
  const run = runObjects({
    scenarioName: scenario.name,
    namespace,
    scenarioYaml: scenarioDocument(scenario),
    digest: files.digest,
    ...(options.script === undefined ? {} : { script: options.script }),
    resultsSize: options.resultsSize ?? '1Gi',
    ...(options.resultsStorageClass ? { resultsStorageClass: options.resultsStorageClass } : {}),
  });
  const conductor = conductorObjects({ scenarioName: scenario.name, namespace, thapImage, parallelism, stackHost, ...(options.target ? { clientUrl: options.target } : {}) });
  const testRun = testRunObject({
    scenarioName: scenario.name,
    namespace,
    parallelism,
    thapImage,
    envRead: files.envRead,
    target: options.target ?? Object.values(regionTargets ?? {})[0] ?? `http://${stackHost}:${directClientPort}`,
    ...(regionTargets ? { regionTargets } : {}),
    harnessUrl: `http://${names.conductor}.${namespace}.svc:${conductorPort}`,
    ...(scenario.services.sms ? { phoneUrl: `http://${stackHost}:${directMockPorts.sms}` } : {}),
    requestTimeoutMs: scenario.client.requestTimeout,
    digest: files.digest,
    givenScript: options.script !== undefined,
  });
  const stackList: KubeObject[] = [run.runConfig, run.resultsClaim, stack.configMap, stack.deployment, stack.service];
  const conductorList: KubeObject[] = [conductor.service, conductor.job];
  const loadList: KubeObject[] = [testRun];
  const yaml = (objects: KubeObject[]): string => objects.map((object) => stringify(object, { lineWidth: 0 })).join('---\n');
  return {
    files: {
      'stack.yaml': yaml(stackList),
      'conductor.yaml': yaml(conductorList),
      'load.yaml': yaml(loadList),
      ...files.scriptFiles,
      ...files.dataFiles,
      'README.md': k8sReadme({ scenario, plan, parallelism, namespace, names, thapImage, ...(options.target ? { target: options.target } : {}) }),
    },
    stack: stackList,
    conductor: conductorList,
    load: loadList,
  };
}

/** The thap image's entrypoint is `node --import tsx`: keep only the script and its arguments. */
function stripNodeTsx(command: string[]): string[] {
  const rest = [...command];
  if (rest[0] === 'node' || rest[0] === process.execPath) rest.shift();
  if (rest[0] === '--import' && rest[1] === 'tsx') rest.splice(0, 2);
  return rest;
}
