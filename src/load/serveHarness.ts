// The harness endpoint as a process of its own, for container stacks (compose, Kubernetes): serves
// startHarnessEndpoint.ts (the t0 beacon and the slip store the k6 script shares between runners) in the
// stack pod, and asks the pod's Toxiproxy to forward 0.0.0.0:22090 to it (the endpoint listens on loopback
// at a free port). Env: THAP_TOXIPROXY_API (default http://127.0.0.1:8474).
import { setTimeout as sleep } from 'node:timers/promises';
import { CleanupStack, harnessForwardPort } from '../stack/index.ts';
import { startHarnessEndpoint } from './startHarnessEndpoint.ts';

const api = process.env.THAP_TOXIPROXY_API ?? 'http://127.0.0.1:8474';
const cleanup = new CleanupStack();
const endpoint = await startHarnessEndpoint({ cleanup });
const proxy = { name: 'direct-harness', listen: `0.0.0.0:${harnessForwardPort}`, upstream: new URL(endpoint.url).host, enabled: true };
for (let attempt = 1; ; attempt++) {
  const answer = await fetch(`${api}/populate`, { method: 'POST', body: JSON.stringify([proxy]), signal: AbortSignal.timeout(3_000) }).catch((error: Error) => error);
  if (!(answer instanceof Error) && answer.ok) break;
  if (attempt >= 60) throw new Error(`Toxiproxy at ${api} did not take the harness proxy: ${answer instanceof Error ? answer.message : answer.status}`);
  await sleep(1_000);
}
process.stdout.write(`${JSON.stringify({ harness: endpoint.url, forwardedOn: proxy.listen })}\n`);
const stop = (): void => void cleanup.runAll().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
