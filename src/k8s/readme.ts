import { nicUrlVar, serviceNames } from '../contract/index.ts';
import type { Plan, Scenario } from '../scenario/index.ts';
import { directClientPort, directMockPorts, harnessForwardPort, proxyPorts, toolPins, toxiproxyApiPort } from '../stack/index.ts';
import type { resourceNames } from './names.ts';

/** The README written beside the manifests: what to apply, in which order, and what is left to do. */
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
  return `# thap on Kubernetes: ${scenario.name}

Rendered by \`thap k8s render\` for scenario \`${scenario.name}\` (fingerprint \`${plan.scenario.fingerprint}\`,
seed ${scenario.seed}): ${parallelism} k6 runners (k6-operator \`TestRun\`, k6 ${toolPins.k6.version}) in namespace \`${namespace}\`.

## Before
- k6-operator installed in the cluster (it provides the \`TestRun\` kind, \`k6.io/v1alpha1\`).
- The thap image \`${thapImage}\` pushed where the cluster can pull it:
  \`docker build -f docker/Dockerfile -t ${thapImage} . && docker push ${thapImage}\`
  (or render again with \`--image REGISTRY/thap:TAG\`).
- A storage class with ReadWriteMany volumes for \`${names.results}\` (each runner writes its own CSV there).
- \`kubectl create namespace ${namespace}\`

## Run
\`\`\`
kubectl apply -f stack.yaml
kubectl -n ${namespace} rollout status deployment/${names.stack}
kubectl apply -f load.yaml
kubectl -n ${namespace} get testrun ${names.testRun} -w     # stage: started -> finished
\`\`\`
Then copy the results out (\`/results/k6-<pod>.csv\` per runner, \`/results/mocks/ledger.ndjson\` and
\`upstream.ndjson\`), e.g. \`kubectl -n ${namespace} cp <stack-pod>:/results ./results -c mocks\`.
k6-operator does not merge the runners' outputs: each CSV covers one execution segment. Merge and score them
with \`thap report --merge ./results --scenario <the scenario file> --out reports/${scenario.name}-merged\`
(the ledger and upstream log are taken from \`results/mocks/\`; docs/scale.md).

## What runs
- \`${names.stack}\` (one pod): Toxiproxy ${toolPins.toxiproxy.version} with one proxy per NIC service, the NIC mocks,
  thap's harness endpoint when the script uses one (the slip store all runners share, on ${harnessForwardPort}),
  ${target ? 'no client (your client is at ' + target + ')' : 'and the reference client (`' + (scenario.client.command ?? []).join(' ') + '`)'}.
- Service \`${host}\`: Toxiproxy API on ${toxiproxyApiPort}; the NIC services through Toxiproxy on ${Object.values(proxyPorts).join(', ')};
  each mock directly (admin API, ledger) on ${Object.values(directMockPorts).join(', ')}${target ? '' : `; the client on ${directClientPort}`}.
- \`${names.testRun}\`: the k6 script generated from the scenario and its data (ConfigMap \`${names.script}\`),
  target ${target ?? `http://${host}:${directClientPort}`}.
${target ? `\nConfigure your client with the NIC URLs (through Toxiproxy):\n${nicUrls}\n` : ''}
## Faults
The fault timeline (${plan.faults.length} fault${plan.faults.length === 1 ? '' : 's'}) is not applied by these manifests. Apply it through
Toxiproxy's API on \`${host}:${toxiproxyApiPort}\` (e.g. \`kubectl port-forward\`), at the planned offsets from the start of the load:
${plan.faults.map((fault) => `- \`${fault.id}\`: ${fault.describe}, from +${Math.round(fault.startWallMs / 1000)} s to +${Math.round(fault.endWallMs / 1000)} s`).join('\n') || '- (none)'}
`;
}
