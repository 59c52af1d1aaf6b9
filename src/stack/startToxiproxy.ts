import { join } from 'node:path';
import { createToxiproxyControl, type ToxiproxyControl } from '../faults/index.ts';
import type { CleanupStack } from './cleanupStack.ts';
import { HarnessError } from '../core/index.ts';
import { canListen, findFreePort } from './findFreePort.ts';
import { startProcess, type ProcessExit, type ProcessGuard } from './managedProcess.ts';
import { regionProxyName } from './regionProxyName.ts';
import { toxiproxyLogLevel } from './toxiproxyLogLevel.ts';
import { waitForHttp } from './waitForHttp.ts';

export interface RunningToxiproxy {
  apiUrl: string;
  control: ToxiproxyControl;
  pid: number;
  /** Resolves when the server process has exited (absent for a server thap did not start). */
  exited?: Promise<ProcessExit>;
}

/**
 * Starts the real Toxiproxy server on a free loopback port, with -proxy-metrics so that /metrics counts the
 * bytes through each proxy (what a network fault touched), and registers its stop with the cleanup stack.
 */
export async function startToxiproxy({ binary, runDir, cleanup, guard }: { binary: string; runDir: string; cleanup: CleanupStack; guard?: ProcessGuard }): Promise<RunningToxiproxy> {
  const port = await findFreePort();
  const logFile = join(runDir, 'toxiproxy.log');
  const server = startProcess({ name: 'toxiproxy', command: binary, args: ['-host', '127.0.0.1', '-port', String(port), '-proxy-metrics'], env: { LOG_LEVEL: toxiproxyLogLevel() }, logFile, guard });
  cleanup.defer('stop Toxiproxy', async () => void (await server.stop()));
  const apiUrl = `http://127.0.0.1:${port}`;
  await waitForHttp({ url: `${apiUrl}/version`, timeoutMs: 10_000, process: server, what: 'Toxiproxy', logFile });
  return { apiUrl, control: createToxiproxyControl({ apiUrl }), pid: server.pid, exited: server.exited };
}

/**
 * Puts one Toxiproxy proxy in front of each NIC service: the client gets the proxies' URLs, so every NIC
 * call crosses Toxiproxy. Returns the proxy URL per service.
 */
export async function proxyServices({
  toxiproxy,
  upstreams,
  ports,
  cleanup,
  region,
  guard,
}: {
  toxiproxy: RunningToxiproxy;
  upstreams: Record<string, string>;
  /** Fixed listen ports per service (a client started by someone else must know them in advance). */
  ports?: Record<string, number>;
  cleanup: CleanupStack;
  /** With client regions: the region these proxies serve; each is named `<service>-<region>`. */
  region?: string;
  /** Learns of each proxy as it is created (the run's live record). */
  guard?: { proxy(entry: { apiUrl: string; name: string }): void };
}): Promise<Record<string, string>> {
  const proxied: Record<string, string> = {};
  for (const [service, upstreamUrl] of Object.entries(upstreams)) {
    const fixed = ports?.[service];
    if (fixed !== undefined && !(await canListen(fixed))) {
      throw new HarnessError(`port ${fixed} for the ${service} proxy is taken (another \`thap run --target\` on this machine?); the proxies of a client thap does not start sit at fixed ports: stop the other run first`, { code: 'THAP_PORT_TAKEN' });
    }
    const port = fixed ?? (await findFreePort());
    const upstream = new URL(upstreamUrl).host;
    const name = regionProxyName({ service, region });
    guard?.proxy({ apiUrl: toxiproxy.apiUrl, name });
    await toxiproxy.control.createProxy({ name, listen: `127.0.0.1:${port}`, upstream });
    cleanup.defer(`remove proxy ${name}`, () => toxiproxy.control.removeProxy(name));
    proxied[service] = `http://127.0.0.1:${port}`;
  }
  return proxied;
}
