import { join } from 'node:path';
import { nicUrlVar, serviceNames } from '../contract/index.ts';
import type { ClientHealth } from '../scoring/index.ts';
import type { CleanupStack } from './cleanupStack.ts';
import { findFreePort } from './findFreePort.ts';
import { startProcess, type ManagedProcess, type ProcessGuard } from './managedProcess.ts';
import { checkClientHealth } from './checkClientHealth.ts';

export interface RunningClient {
  url: string;
  process?: ManagedProcess;
  /** Its health check: a client that never became healthy is left for the run to record and score. */
  health: ClientHealth;
}

/**
 * Starts the client system under test from its command with PORT, the NIC base URLs (through Toxiproxy)
 * and THAP_TIME_SCALE in its environment (docs/client-contract.md), and waits until its health path answers
 * (at most `startupTimeoutMs`); one that never does is returned with its failed check, not thrown.
 * With client regions one instance per region is started, each with its region's proxies and its own
 * `client-<region>.log` and `client-outbox-<region>/`.
 */
export async function startClient({
  command,
  port,
  health,
  env,
  nicUrls,
  timeScale,
  startupTimeoutMs,
  runDir,
  cleanup,
  region,
  guard,
}: {
  command: string[];
  port?: number;
  health: string;
  env: Record<string, string>;
  nicUrls: Record<string, string>;
  timeScale: number;
  startupTimeoutMs: number;
  runDir: string;
  cleanup: CleanupStack;
  /** With client regions: this instance's region, which names its log, outbox directory and process. */
  region?: string;
  guard?: ProcessGuard;
}): Promise<RunningClient> {
  const listenPort = port ?? (await findFreePort());
  const nicEnv = Object.fromEntries(serviceNames.flatMap((service) => (nicUrls[service] === undefined ? [] : [[nicUrlVar(service), nicUrls[service]]])));
  const suffix = region === undefined ? '' : `-${region}`;
  const logFile = join(runDir, `client${suffix}.log`);
  const [executable, ...args] = command as [string, ...string[]];
  const child = startProcess({
    name: `client${suffix}`,
    command: executable === 'node' ? process.execPath : executable,
    args,
    env: { ...env, ...nicEnv, PORT: String(listenPort), THAP_TIME_SCALE: String(timeScale), THAP_OUTBOX_DIR: join(runDir, `client-outbox${suffix}`) },
    logFile,
    guard,
  });
  cleanup.defer(`stop client${suffix}`, async () => void (await child.stop()));
  const url = `http://127.0.0.1:${listenPort}`;
  return { url, process: child, health: await checkClientHealth({ url: `${url}${health}`, timeoutMs: startupTimeoutMs, process: child }) };
}
