import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ToxiproxyControl } from '../faults/network/toxiproxyControl.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { CleanupStack } from '../stack/cleanupStack.ts';
import { proxyPorts } from '../stack/container/layout.ts';
import type { ManagedProcess } from '../stack/managedProcess.ts';
import { startClient } from '../stack/startClient.ts';
import { startDockerStack } from '../stack/startDockerStack.ts';
import { startMocksProcess } from '../stack/startMocksProcess.ts';
import { proxyServices, startToxiproxy } from '../stack/startToxiproxy.ts';
import type { RunRecord } from './runRecord.ts';

/** What a run needs of its stack, however it was started. */
export interface RunStackHandle {
  toxiproxy: ToxiproxyControl;
  /** The mocks' own URLs (their admin API), not through Toxiproxy. */
  mockUrls: Record<string, string>;
  clientUrl: string;
  /** Present when thap started the client as a local process. */
  clientProcess?: ManagedProcess;
}

interface StartOptions {
  scenario: Scenario;
  runDir: string;
  /** A client already running: thap starts none. */
  clientUrl?: string;
  cleanup: CleanupStack;
  record: RunRecord;
  log: (line: string) => void;
  race: <T>(promise: Promise<T>) => Promise<T>;
}

const listUrls = (urls: Record<string, string>) => Object.entries(urls).map(([name, url]) => `${name} ${url}`).join(', ');

/** The container stack (`--stack docker`): Toxiproxy, the mocks and the client as containers. */
export async function startContainerRunStack({ scenario, runDir, clientUrl, cleanup, record, log, race }: StartOptions): Promise<RunStackHandle> {
  const docker = await race(startDockerStack({ scenario, runDir, clientUrl, cleanup }));
  await record.started('containers', undefined, [docker.toxiproxy.apiUrl, docker.clientUrl]);
  log(`stack: containers; Toxiproxy ${docker.toxiproxy.apiUrl}; NIC mocks ${listUrls(docker.proxied)} (inside the stack)`);
  return { toxiproxy: docker.toxiproxy.control, mockUrls: docker.mockUrls, clientUrl: docker.clientUrl };
}

/**
 * The local stack: the real Toxiproxy server, the NIC mocks as their own process, one proxy per service
 * in front of them, and the client (unless it is already running), each registering its cleanup.
 */
export async function startLocalRunStack({ scenario, runDir, clientUrl, cleanup, record, log, race, toxiproxyBinary }: StartOptions & { toxiproxyBinary: string }): Promise<RunStackHandle> {
  const toxiproxy = await race(startToxiproxy({ binary: toxiproxyBinary, runDir, cleanup }));
  await record.started('toxiproxy', toxiproxy.pid, [toxiproxy.apiUrl]);
  const mocksConfig = join(runDir, 'mocks.config.json');
  await writeFile(mocksConfig, JSON.stringify({ services: scenario.services }));
  const mocks = await race(startMocksProcess({ runDir, seed: scenario.seed, services: Object.keys(scenario.services), configFile: mocksConfig, cleanup }));
  await record.started('mocks', mocks.pid, Object.values(mocks.urls));
  // A client thap does not start was configured beforehand: its NIC proxies sit at the fixed ports
  // (src/stack/container/layout.ts, docs/scenarios.md), the same as in the container stack.
  const proxied = await race(proxyServices({ toxiproxy, upstreams: mocks.urls, ports: clientUrl ? proxyPorts : undefined, cleanup }));
  await record.started('proxies', undefined, Object.values(proxied));
  log(`stack: Toxiproxy ${toxiproxy.apiUrl}; NIC mocks ${listUrls(proxied)}`);
  if (clientUrl) return { toxiproxy: toxiproxy.control, mockUrls: mocks.urls, clientUrl };
  const client = await race(
    startClient({
      command: scenario.client.command as string[],
      port: scenario.client.port,
      health: scenario.client.health,
      env: scenario.client.env,
      nicUrls: proxied,
      timeScale: scenario.clock.speed,
      startupTimeoutMs: scenario.client.startupTimeout,
      runDir,
      cleanup,
    }),
  );
  await record.started('client', client.process?.pid, [client.url]);
  return { toxiproxy: toxiproxy.control, mockUrls: mocks.urls, clientUrl: client.url, clientProcess: client.process };
}
