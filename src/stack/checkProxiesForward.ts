import { HarnessError } from '../core/index.ts';
import { pollHttp } from './waitForHttp.ts';

/** How long each proxy has to carry its first request to its mock (a fresh proxy forwards at once). */
const FORWARD_TIMEOUT_MS = 5_000;

/**
 * Before any load, sends one request through each Toxiproxy proxy to its mock's admin health route (admin
 * requests are not NIC traffic: they never reach upstream.ndjson, and no fault is applied yet). A proxy that
 * accepts connections but does not reach its mock would leave the client's NIC calls unanswered and its
 * upstream log empty, which scoring reads as the client's doing; it is the harness's, so the run stops here
 * with a harness error (exit 3, no score), naming each proxy that failed and what it saw.
 */
export async function checkProxiesForward({ proxied, timeoutMs = FORWARD_TIMEOUT_MS }: { proxied: Record<string, string>; timeoutMs?: number }): Promise<void> {
  const outcomes = await Promise.all(Object.entries(proxied).map(async ([service, url]) => ({ service, url, outcome: await pollHttp({ url: `${url}/__admin/health`, timeoutMs }) })));
  const failed = outcomes.flatMap(({ service, url, outcome }) => (outcome.ok ? [] : [`${service} at ${url} (${outcome.problem})`]));
  if (failed.length === 0) return;
  throw new HarnessError(
    `the Toxiproxy proxy in front of ${failed.join('; ')} did not carry a request to its NIC mock within ${timeoutMs} ms: the harness, not the client, is at fault; no load was sent (see toxiproxy.log in the run directory)`,
    { code: 'THAP_PROXY_DEAD' },
  );
}
