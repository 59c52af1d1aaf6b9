import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StartedTestContainer } from 'testcontainers';
import { HarnessError } from '../../core/index.ts';
import { serviceNames, type ServiceName } from '../../contract/index.ts';
import type { MocksConfig } from '../../../mocks/config.ts';
import { assertDockerAvailable, dockerUnavailableError, loadTestcontainers } from './dockerAvailable.ts';
import { imagePullError } from './imagePullError.ts';
import { repoMounts } from './repoMounts.ts';
import { toxiproxyLogLevel } from '../toxiproxyLogLevel.ts';
import { chooseReaper, type Reaper } from './chooseReaper.ts';
import {
  clientEnvironment,
  containerImages,
  directClientPort,
  directForwards,
  directMockPorts,
  proxyPorts,
  toxiproxyApiPort,
  toxiproxyProxies,
} from './layout.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ContainerClient {
  /** Command run in the client container, from the repository mounted at /app. */
  command: string[];
  /** Image; defaults to the Node image that runs the reference clients. */
  image?: string;
  /** Extra environment on top of PORT, THAP_TIME_SCALE and THAP_NIC_<SERVICE>_URL. */
  env?: Record<string, string>;
}

export interface StartContainerStackOptions {
  /** Repository mounted read-only at /app (the mocks and reference clients run from it). Default: this repo. */
  repoDir?: string;
  /** Host directory for the mocks' ledger.ndjson and upstream.ndjson; mounted at /run-dir. */
  runDir?: string;
  seed?: number;
  /** The mocks' config (idempotency, capacity, sessions per service), as `thap mocks serve --config`. */
  mocksConfig?: MocksConfig;
  timeScale?: number;
  /** The client under test; default the naive reference client; `null` starts no client. */
  client?: ContainerClient | null;
  /** How long each container may take to become ready. */
  startupTimeoutMs?: number;
  /** Labels on every container (a run labels them `thap.run=<runId>`). */
  labels?: Record<string, string>;
  /** Replaces the lazy `import('testcontainers')` (tests without Docker record the containers instead). */
  testcontainers?: () => Promise<Pick<Testcontainers, 'GenericContainer' | 'Wait' | 'getContainerRuntimeClient'>>;
}

type Testcontainers = typeof import('testcontainers');

export interface ContainerStack {
  /** Toxiproxy's control API, from the host. */
  toxiproxyApiUrl: string;
  /** The client under test, from the host (through a fault-free forward); undefined without a client. */
  clientUrl?: string;
  /** Each mock's base URL from the host, bypassing faults (its `/__admin/*` API lives there too). */
  mockUrls: Record<ServiceName, string>;
  /** What the client calls inside the stack: the Toxiproxy proxy per service. */
  proxiedUrls: Record<ServiceName, string>;
  /** Why the client container never became ready (it exited, or printed no `"event":"listening"` in time). */
  clientFailure?: string;
  /** Who removes the containers if thap dies (testcontainers' reaper, or thap's clean-up by label). */
  reaper: Reaper;
  /** Stops every container in reverse order; reports every failure together. */
  stop(): Promise<void>;
}

/**
 * Starts the stack in containers: Toxiproxy at the pinned image with one proxy per NIC service (plus
 * fault-free forwards the host needs), the NIC mocks, and the client under test, all in Toxiproxy's
 * network namespace so they talk over 127.0.0.1 as the local stack does. testcontainers is loaded here
 * only. No Docker: HarnessError "Docker not available: ..." (code THAP_DOCKER_UNAVAILABLE).
 */
export async function startContainerStack(options: StartContainerStackOptions = {}): Promise<ContainerStack> {
  const load = options.testcontainers ?? loadTestcontainers;
  await assertDockerAvailable({ load });
  // The real testcontainers only: a recording stand-in (tests) has no reaper.
  const reaper: Reaper = options.testcontainers ? 'labels' : await chooseReaper();
  const { GenericContainer, Wait } = await load();
  const repoDir = path.resolve(options.repoDir ?? projectRoot);
  const startupTimeout = options.startupTimeoutMs ?? 120_000;
  const started: Array<{ name: string; container: StartedTestContainer }> = [];

  const stop = async (): Promise<void> => {
    const failures: string[] = [];
    for (const { name, container } of [...started].reverse()) {
      try {
        await container.stop({ timeout: 10_000 });
      } catch (error) {
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
    started.length = 0;
    if (failures.length) throw new HarnessError(`stopping the container stack failed:\n  - ${failures.join('\n  - ')}`, { code: 'THAP_CONTAINER_STOP' });
  };

  // The image being started, named when it cannot be pulled.
  let image: string = containerImages.toxiproxy;
  try {
    const published = [toxiproxyApiPort, directClientPort, ...serviceNames.map((service) => directMockPorts[service])];
    const labels = options.labels ?? {};
    const toxiproxy = await new GenericContainer(image)
      .withLabels(labels)
      .withCommand(['-host=0.0.0.0', `-port=${toxiproxyApiPort}`, '-config=/config/toxiproxy.json', '-proxy-metrics'])
      .withEnvironment({ LOG_LEVEL: toxiproxyLogLevel() })
      .withCopyContentToContainer([{ content: JSON.stringify([...toxiproxyProxies(), ...directForwards()]), target: '/config/toxiproxy.json' }])
      .withExposedPorts(...published)
      .withWaitStrategy(Wait.forHttp('/version', toxiproxyApiPort))
      .withStartupTimeout(startupTimeout)
      .start();
    started.push({ name: 'toxiproxy', container: toxiproxy });
    const namespace = `container:${toxiproxy.getId()}`;
    const host = toxiproxy.getHost();
    const hostUrl = (port: number): string => `http://${host}:${toxiproxy.getMappedPort(port)}`;

    image = containerImages.node;
    const mocks = await new GenericContainer(image)
      .withLabels(labels)
      .withNetworkMode(namespace)
      .withWorkingDir('/app')
      .withBindMounts([
        ...repoMounts(repoDir),
        ...(options.runDir ? [{ source: path.resolve(options.runDir), target: '/run-dir', mode: 'rw' as const }] : []),
      ])
      .withEnvironment({
        THAP_SEED: String(options.seed ?? 1),
        ...(options.runDir ? { THAP_RUN_DIR: '/run-dir' } : {}),
        ...(options.mocksConfig ? { THAP_MOCKS_CONFIG: '/config/mocks.json' } : {}),
      })
      .withCopyContentToContainer(options.mocksConfig ? [{ content: JSON.stringify(options.mocksConfig), target: '/config/mocks.json' }] : [])
      .withCommand(['node', '--import', 'tsx', 'src/stack/container/serveMocks.ts'])
      .withWaitStrategy(Wait.forLogMessage(/"services":/))
      .withStartupTimeout(startupTimeout)
      .start();
    started.push({ name: 'mocks', container: mocks });

    let clientUrl: string | undefined;
    let clientFailure: string | undefined;
    const client = options.client === undefined ? { command: ['node', '--import', 'tsx', 'examples/naive/server.ts'] } : options.client;
    if (client) {
      image = client.image ?? containerImages.node;
      const output: string[] = [];
      try {
        const container = await new GenericContainer(image)
          .withLabels(labels)
          .withNetworkMode(namespace)
          .withWorkingDir('/app')
          .withBindMounts(repoMounts(repoDir))
          .withEnvironment({ ...clientEnvironment({ timeScale: options.timeScale ?? 1 }), ...client.env })
          .withCommand(client.command)
          .withLogConsumer((stream) => stream.on('data', (chunk: Buffer | string) => void output.push(String(chunk))))
          .withWaitStrategy(Wait.forLogMessage(/"event":"listening"/))
          .withStartupTimeout(startupTimeout)
          .start();
        started.push({ name: 'client', container });
      } catch (error) {
        // The engine or the image: the environment. Anything else is the client's own failure to start
        // (testcontainers has removed its container): a verdict on the client, not a harness error.
        if (dockerUnavailableError(error) || imagePullError(error, image)) throw error;
        clientFailure = clientStartFailure(error, output.join(''));
      }
      clientUrl = hostUrl(directClientPort);
    }

    const mockUrls = Object.fromEntries(serviceNames.map((service) => [service, hostUrl(directMockPorts[service])])) as Record<ServiceName, string>;
    const proxiedUrls = Object.fromEntries(serviceNames.map((service) => [service, `http://127.0.0.1:${proxyPorts[service]}`])) as Record<ServiceName, string>;
    return { toxiproxyApiUrl: hostUrl(toxiproxyApiPort), clientUrl, ...(clientFailure ? { clientFailure } : {}), mockUrls, proxiedUrls, reaper, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw dockerUnavailableError(error) ?? imagePullError(error, image) ?? error;
  }
}

/** One line: why the client container did not become ready, and the end of what it printed. */
function clientStartFailure(error: unknown, output: string): string {
  const why = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
  const said = output.trim().split('\n').slice(-3).join(' | ').slice(-300);
  return `the client container stopped or never printed "event":"listening" (${why})${said ? `; its last output: ${said}` : '; it printed nothing'}`;
}
