import type { ClientHealth } from '../scoring/index.ts';
import { exitDetail } from './exitDetail.ts';
import type { ManagedProcess } from './managedProcess.ts';
import { pollHttp } from './waitForHttp.ts';

/**
 * The health check of the client under test before any load: GET its health route (docs/client-contract.md)
 * until it answers 2xx, for at most `timeoutMs`. Never throws: a client that refuses, answers otherwise,
 * or (when thap started it) exits first fails it, a verdict on the client recorded as run.json `client.health`.
 */
export async function checkClientHealth({ url, timeoutMs, process }: { url: string; timeoutMs: number; process?: ManagedProcess }): Promise<ClientHealth> {
  const outcome = await pollHttp({ url, timeoutMs, ...(process ? { process } : {}) });
  const checkedAt = Date.now();
  if (outcome.ok) return { url, ok: true, checkedAt };
  const error = outcome.exit ? `the client exited (${exitDetail(outcome.exit)}) before it answered` : `${outcome.problem} (checked for ${timeoutMs} ms)`;
  return { url, ok: false, checkedAt, error };
}
