import { nicUrlVar, serviceNames } from '../contract/index.ts';
import type { Plan, Scenario } from '../scenario/index.ts';
import { directClientPort, directMockPorts, proxyPorts, toolPins, toxiproxyApiPort } from '../stack/index.ts';
import { conductorPort, conductorReportsDir } from './conductorObjects.ts';
import type { resourceNames } from './names.ts';
import { regionLayout } from './regionLayout.ts';

/** The README written beside the manifests: what to apply, in which order, and where the report appears. */
export function k8sReadme({
  scenario,
  plan,
  parallelism,
  namespace,
  names,
  thapImage,
  target,
}: {
  scenario: Scenario;
  plan: Plan;
  parallelism: number;
  namespace: string;
  names: ReturnType<typeof resourceNames>;
  thapImage: string;
  target?: string;
}): string {
  const host = `${names.stack}.${namespace}.svc`;
  const nicUrls = serviceNames
    .map((service) => `  - \`${nicUrlVar(service)}=http://${host}:${proxyPorts[service]}\``)
    .join('\n');
  const n = plan.faults.length;
  const regions = scenario.client.regions ? regionLayout(scenario.client.regions) : undefined;
  return `# thap on Kubernetes: ${scenario.name}

Rendered by \`thap k8s render\` for scenario \`${scenario.name}\` (fingerprint \`${plan.scenario.fingerprint}\`,
seed ${scenario.seed}): ${parallelism} k6 runners (k6-operator \`TestRun\`, k6 ${toolPins.k6.version}) and thap's conductor,
in namespace \`${namespace}\`. How a distributed run works: docs/k8s.md.

## Before
- k6-operator installed in the cluster (it provides the \`TestRun\` kind, \`k6.io/v1alpha1\`; the manifests are checked
  against the TestRun schema of k6-operator v1.5.0).
- The thap image \`${thapImage}\` pushed where the cluster can pull it:
  \`docker build -f docker/Dockerfile -t ${thapImage} . && docker push ${thapImage}\`
  (or render again with \`--image REGISTRY/thap:TAG\`). It runs the mocks, ${target ? '' : 'the reference client, '}each runner's init
  container (it generates the script's data from the seed) and the conductor: it must be the thap that rendered these files
  (the init containers refuse data whose digest differs from the render's).
- A storage class with ReadWriteMany volumes for \`${names.results}\` (runners, mocks and conductor share it).
- \`kubectl create namespace ${namespace}\`

## Run
\`\`\`
kubectl apply -f stack.yaml
kubectl -n ${namespace} rollout status deployment/${names.stack}
kubectl apply -f conductor.yaml
kubectl -n ${namespace} wait --for=condition=ready pod -l app.kubernetes.io/component=conductor,thap/scenario=${scenario.name} --timeout=120s
kubectl apply -f load.yaml
kubectl -n ${namespace} logs -f job/${names.conductor}     # progress, then the report's summary
\`\`\`
The conductor ends when the runners' outputs are in and scored: the run directory (report.json, report.html, ...)
is on the results volume under \`${conductorReportsDir}/\`, e.g.
\`kubectl -n ${namespace} cp <stack-pod>:${conductorReportsDir} ./reports -c mocks\`.
Delete everything (\`kubectl delete -f load.yaml -f conductor.yaml -f stack.yaml\`) before running again: the
ledger of one stack belongs to one run.

## What runs
- \`${names.stack}\` (one pod): Toxiproxy ${toolPins.toxiproxy.version} with one proxy per NIC service, the NIC mocks
  ${target ? '(your client is at ' + target + ')' : 'and the reference client (`' + (scenario.client.command ?? []).join(' ') + '`)'}${regions ? `, one per client region, each behind its own proxies (${regions.map((place) => `${place.region}: client forwarded on ${place.directClientPort}`).join('; ')})` : ''}.
- Service \`${host}\`: Toxiproxy API on ${toxiproxyApiPort}; the NIC services through Toxiproxy on ${Object.values(proxyPorts).join(', ')};
  each mock directly (admin API, ledger) on ${Object.values(directMockPorts).join(', ')}${target || regions ? '' : `; the client on ${directClientPort}`}.
- \`${names.conductor}\` (Job and Service, port ${conductorPort}): \`thap conduct\`. It serves the harness endpoint (the
  t0 beacon the first runner's \`setup()\` calls, the slip store all runners share), applies the fault timeline
  (${n} fault${n === 1 ? '' : 's'}) on time from t0 through Toxiproxy and the mocks, waits for the ${parallelism} runners' outputs, lets the
  client drain, and scores the run.
- \`${names.testRun}\`: ${parallelism} runners on execution segments; each runner's init container writes the script and its data
  (\`thap k8s prepare\`) into an emptyDir, target ${target ?? (regions ? "each visit's region's client" : `http://${host}:${directClientPort}`)}; each writes
  \`/results/k6-<pod>.csv\` and \`/results/k6-<pod>.summary.json\`.
${target ? `\nConfigure your client with the NIC URLs (through Toxiproxy):\n${nicUrls}\n` : ''}
## Fault timeline (applied by the conductor, offsets from t0)
${plan.faults.map((fault) => `- \`${fault.id}\`: ${fault.describe}, from +${Math.round(fault.startWallMs / 1000)} s to +${Math.round(fault.endWallMs / 1000)} s`).join('\n') || '- (none)'}
`;
}
