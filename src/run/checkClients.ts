import type { ClientHealth } from '../scoring/index.ts';
import { checkClientHealth } from '../stack/index.ts';
import type { RunClient } from './startRunStack.ts';

/**
 * How long a client thap did not start (`--target`, `client.url`) may take to answer its health route: it
 * is expected to be running already, so a few seconds tell a slow answer from nobody listening.
 */
export const TARGET_HEALTH_TIMEOUT_MS = 5_000;

/**
 * The client's health before any load (run.json `client.health`): the check startClient made of a client
 * thap started, or one now of a client it did not start. With client regions, the first region whose
 * client failed, else the first region's.
 */
export async function checkClients({ clients, healthPath, timeoutMs = TARGET_HEALTH_TIMEOUT_MS }: { clients: RunClient[]; healthPath: string; timeoutMs?: number }): Promise<ClientHealth> {
  const checks = await Promise.all(clients.map((client) => client.health ?? checkClientHealth({ url: `${client.url}${healthPath}`, timeoutMs })));
  const [first] = checks as [ClientHealth, ...ClientHealth[]];
  return checks.find((check) => !check.ok) ?? first;
}
