import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FaultContext, ToxiproxyControl } from '../faults/index.ts';
import type { PlannedFault, Scenario } from '../scenario/index.ts';
import { checkProxiesForward, type CleanupStack, exitDetail, type ManagedProcess, mocksConfigOf, proxyPorts, proxyServices, regionProxyName, type RunningToxiproxy, startClient, startDockerStack, startMocksProcess, startToxiproxy } from '../stack/index.ts';
import type { ClientHealth, HarnessProcess } from '../scoring/index.ts';
import type { MonitoredTarget } from './harnessMonitor.ts';
import type { RunGuard } from './liveRuns/runGuard.ts';
import type { RunRecord } from './runRecord.ts';

/** What a run needs of its stack, however it was started. */
export interface RunStackHandle {
  toxiproxy: ToxiproxyControl;
  /** The mocks' own URLs (their admin API), not through Toxiproxy. */
  mockUrls: Record<string, string>;
  clientUrl: string;
  /** Present when thap started the client as a local process. */
  clientProcess?: ManagedProcess;
  /** Every client instance: one, or one per region of client.regions (each drained and watched). */
  clients: RunClient[];
  /** With client regions: per region, the Toxiproxy proxy name per service (FaultContext.regions). */
  regionProxies?: Record<string, Record<string, string>>;
  /** What the harness monitor probes, and the harness processes whose end (with why) it watches. */
  harness: { probes: MonitoredTarget[]; ends: Array<{ process: HarnessProcess; ended: Promise<string> }> };
}

export interface RunClient {
  /** Absent for the one client of a scenario without regions. */
  region?: string;
  url: string;
  process?: ManagedProcess;
  /** The health check of a client thap started (a client it did not start is checked by the run). */
  health?: ClientHealth;
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
  /** Learns of every process, proxy and container the moment it starts (the run's watchdog and live record). */
  guard?: RunGuard;
}

const listUrls = (urls: Record<string, string>) => Object.entries(urls).map(([name, url]) => `${name} ${url}`).join(', ');

/** The container stack (`--stack docker`): Toxiproxy, the mocks and the client as containers. */
export async function startContainerRunStack({ scenario, runDir, clientUrl, cleanup, record, log, race, guard }: StartOptions): Promise<RunStackHandle> {
  guard?.containers();
  const docker = await race(startDockerStack({ scenario, runDir, clientUrl, cleanup, runId: record.info.runId }));
  await record.started('containers', undefined, [docker.toxiproxy.apiUrl, docker.clientUrl]);
  const reaper = docker.reaper === 'ryuk' ? "testcontainers' reaper" : `thap's watchdog by the label thap.run=${record.info.runId}`;
  log(`stack: containers; Toxiproxy ${docker.toxiproxy.apiUrl}; NIC mocks ${listUrls(docker.proxied)} (inside the stack); if thap dies they are removed by ${reaper}`);
  const harness = { probes: probesOf({ toxiproxyApiUrl: docker.toxiproxy.apiUrl, mockUrls: docker.mockUrls }), ends: [] };
  // A client container that never became ready failed its health check: no load, the run fails the client.
  const health = docker.clientFailure ? { health: { url: docker.clientUrl, ok: false, checkedAt: Date.now(), error: docker.clientFailure } } : {};
  return { toxiproxy: docker.toxiproxy.control, mockUrls: docker.mockUrls, clientUrl: docker.clientUrl, clients: [{ url: docker.clientUrl, ...health }], harness };
}

/**
 * The local stack: the real Toxiproxy server, the NIC mocks as their own process, one proxy per service
 * in front of them, and the client (unless it is already running), each registering its cleanup.
 */
export async function startLocalRunStack({ scenario, runDir, clientUrl, cleanup, record, log, race, toxiproxyBinary, guard }: StartOptions & { toxiproxyBinary: string }): Promise<RunStackHandle> {
  const toxiproxy = await race(startToxiproxy({ binary: toxiproxyBinary, runDir, cleanup, guard }));
  await record.started('toxiproxy', toxiproxy.pid, [toxiproxy.apiUrl]);
  const mocksConfig = join(runDir, 'mocks.config.json');
  await writeFile(mocksConfig, JSON.stringify(mocksConfigOf(scenario)));
  const mocks = await race(startMocksProcess({ runDir, seed: scenario.seed, services: Object.keys(scenario.services), configFile: mocksConfig, cleanup, guard }));
  await record.started('mocks', mocks.pid, Object.values(mocks.urls));
  const harness = {
    probes: probesOf({ toxiproxyApiUrl: toxiproxy.apiUrl, mockUrls: mocks.urls }),
    ends: [
      { process: 'toxiproxy' as const, ended: toxiproxy.exited?.then(exitDetail) ?? new Promise<string>(() => undefined) },
      { process: 'mocks' as const, ended: mocks.exited.then(exitDetail) },
    ],
  };
  if (scenario.client.regions) return { ...(await startRegions({ scenario, runDir, cleanup, record, log, race, toxiproxy, mockUrls: mocks.urls, guard })), harness };
  // A client thap does not start was configured beforehand: its NIC proxies sit at the fixed ports
  // (src/stack/container/layout.ts, docs/scenarios.md), the same as in the container stack.
  const proxied = await race(proxyServices({ toxiproxy, upstreams: mocks.urls, ports: clientUrl ? proxyPorts : undefined, cleanup, guard }));
  await record.started('proxies', undefined, Object.values(proxied));
  await race(checkProxiesForward({ proxied }));
  log(`stack: Toxiproxy ${toxiproxy.apiUrl}; NIC mocks ${listUrls(proxied)}`);
  if (clientUrl) return { toxiproxy: toxiproxy.control, mockUrls: mocks.urls, clientUrl, clients: [{ url: clientUrl }], harness };
  const client = await race(startScenarioClient({ scenario, nicUrls: proxied, runDir, cleanup, guard }));
  await record.started('client', client.process?.pid, [client.url]);
  return { toxiproxy: toxiproxy.control, mockUrls: mocks.urls, clientUrl: client.url, clientProcess: client.process, clients: [client], harness };
}

/**
 * Client regions (outages.md O8): per region, one proxy per service (`icmr-tirupati`) and one client
 * instance started from client.command with its own region's proxies as its NIC URLs, as a hospital in
 * each region runs its own HMIS/LIS. The regions' clients share the mocks (one NIC, one ledger).
 */
async function startRegions({ scenario, runDir, cleanup, record, log, race, toxiproxy, mockUrls, guard }: Omit<StartOptions, 'clientUrl'> & { toxiproxy: RunningToxiproxy; mockUrls: Record<string, string> }): Promise<Omit<RunStackHandle, 'harness'>> {
  log(`stack: Toxiproxy ${toxiproxy.apiUrl}; regions ${(scenario.client.regions ?? []).map((region) => `${region.name} ${Math.round(region.share * 100)}%`).join(', ')}`);
  const clients: RunClient[] = [];
  const regionProxies: Record<string, Record<string, string>> = {};
  for (const { name: region } of scenario.client.regions ?? []) {
    const proxied = await race(proxyServices({ toxiproxy, upstreams: mockUrls, cleanup, region, guard }));
    regionProxies[region] = Object.fromEntries(Object.keys(proxied).map((service) => [service, regionProxyName({ service, region })]));
    await record.started(`proxies-${region}`, undefined, Object.values(proxied));
    await race(checkProxiesForward({ proxied }));
    log(`region ${region}: NIC mocks ${listUrls(proxied)}`);
    const client = await race(startScenarioClient({ scenario, nicUrls: proxied, runDir, cleanup, region, guard }));
    await record.started(`client-${region}`, client.process?.pid, [client.url]);
    log(`region ${region}: client ${client.url}`);
    clients.push({ region, ...client });
  }
  const [first] = clients as [RunClient, ...RunClient[]];
  return { toxiproxy: toxiproxy.control, mockUrls, clientUrl: first.url, clientProcess: first.process, clients, regionProxies };
}

/**
 * Starts the scenario's client.command with the given NIC URLs; a region's instance takes a free port (the
 * scenario's `client.port` is refused with regions), the one client of a scenario without regions its port.
 */
function startScenarioClient({ scenario, nicUrls, runDir, cleanup, region, guard }: { scenario: Scenario; nicUrls: Record<string, string>; runDir: string; cleanup: CleanupStack; region?: string; guard?: RunGuard }) {
  return startClient({
    command: scenario.client.command as string[],
    ...(region === undefined ? { port: scenario.client.port } : { region }),
    health: scenario.client.health,
    env: scenario.client.env,
    nicUrls,
    timeScale: scenario.clock.speed,
    startupTimeoutMs: scenario.client.startupTimeout,
    runDir,
    cleanup,
    guard,
  });
}

/** The harness monitor's targets: the mocks process at one service's admin health route, Toxiproxy at /version. */
export function probesOf({ toxiproxyApiUrl, mockUrls }: { toxiproxyApiUrl: string; mockUrls: Record<string, string> }): MonitoredTarget[] {
  const [mocksUrl] = Object.values(mockUrls);
  return [...(mocksUrl ? [{ process: 'mocks' as const, url: `${mocksUrl}/__admin/health` }] : []), { process: 'toxiproxy', url: `${toxiproxyApiUrl}/version` }];
}

/**
 * What a fault acts on: its service, the proxy in front of it and, with client regions, every region's
 * proxies (plain data, so it also crosses into the fault worker thread).
 */
export function faultTargetOf({ fault, stack }: { fault: PlannedFault; stack: Pick<RunStackHandle, 'regionProxies'> }): Pick<FaultContext, 'service' | 'proxyName' | 'regions'> {
  return { service: fault.service, proxyName: fault.service, ...(stack.regionProxies ? { regions: stack.regionProxies } : {}) };
}

/** With client regions, each region's client URL for k6 (THAP_TARGETS); undefined for one client. */
export function regionTargetsOf(clients: RunClient[]): Record<string, string> | undefined {
  const regional = clients.filter((client): client is RunClient & { region: string } => client.region !== undefined);
  return regional.length > 0 ? Object.fromEntries(regional.map((client) => [client.region, client.url])) : undefined;
}
