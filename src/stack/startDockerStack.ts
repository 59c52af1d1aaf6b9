import { createToxiproxyControl, type ToxiproxyControl } from '../faults/index.ts';
import type { Scenario } from '../scenario/index.ts';
import type { CleanupStack } from './cleanupStack.ts';
import { mocksConfigOf } from './mocksConfigOf.ts';
import { runLabel } from './lifeline/removeLabelledContainers.ts';
import type { ContainerStack, StartContainerStackOptions } from './container/startContainerStack.ts';
import type { Reaper } from './container/chooseReaper.ts';

/** What a run needs from its stack, whichever provider started it. */
export interface RunStack {
  toxiproxy: { apiUrl: string; control: ToxiproxyControl };
  /** Each NIC mock's base URL as the harness reaches it, fault-free (its `/__admin/*` API for app faults). */
  mockUrls: Record<string, string>;
  /** What the client calls: one Toxiproxy proxy per service, named after the service. */
  proxied: Record<string, string>;
  /** The client under test as k6 reaches it. */
  clientUrl: string;
  /** Who removes the containers if thap dies: testcontainers' reaper, or thap's watchdog by the run's label. */
  reaper: Reaper;
  /** Why the client container never became ready (the run records it as the client's failed health check). */
  clientFailure?: string;
}

/**
 * `thap run --stack docker`: Toxiproxy, the NIC mocks and the client under test as containers
 * (`startContainerStack`, testcontainers, loaded lazily), stopped through the run's cleanup stack. The
 * fault driver and scoring are the local stack's: Toxiproxy's proxies carry the service names, the mocks
 * write ledger.ndjson and upstream.ndjson into the run directory (mounted). With `clientUrl` (--target) no
 * client container starts. The client command runs in the Node image with the repository at /app.
 */
export async function startDockerStack({
  scenario,
  runDir,
  clientUrl,
  cleanup,
  start,
  runId,
}: {
  scenario: Scenario;
  runDir: string;
  clientUrl?: string;
  cleanup: CleanupStack;
  /** Replaces the lazy import of the container provider (tests). */
  start?: (options: StartContainerStackOptions) => Promise<ContainerStack>;
  /** Every container is labelled `thap.run=<runId>`, so that what a killed run left can be found. */
  runId?: string;
}): Promise<RunStack> {
  const startStack = start ?? (await import('./container/startContainerStack.ts')).startContainerStack;
  const stack = await startStack({
    runDir,
    seed: scenario.seed,
    mocksConfig: mocksConfigOf(scenario),
    timeScale: scenario.clock.speed,
    client: clientUrl ? null : { command: scenario.client.command as string[], env: scenario.client.env },
    startupTimeoutMs: Math.max(120_000, scenario.client.startupTimeout),
    ...(runId ? { labels: { [runLabel]: runId } } : {}),
  });
  cleanup.defer('stop the container stack', () => stack.stop());
  const services = Object.keys(scenario.services);
  const pick = (urls: Record<string, string>) => Object.fromEntries(Object.entries(urls).filter(([service]) => services.includes(service)));
  const target = clientUrl ?? stack.clientUrl;
  if (!target) throw new Error('the container stack started no client and no --target was given');
  return {
    toxiproxy: { apiUrl: stack.toxiproxyApiUrl, control: createToxiproxyControl({ apiUrl: stack.toxiproxyApiUrl }) },
    mockUrls: pick(stack.mockUrls),
    proxied: pick(stack.proxiedUrls),
    clientUrl: target,
    reaper: stack.reaper,
    ...(stack.clientFailure ? { clientFailure: stack.clientFailure } : {}),
  };
}
