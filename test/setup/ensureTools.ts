import { ensureTools } from '../../src/stack/tools/index.ts';

/**
 * vitest global setup: the end-to-end tests use the real k6 and Toxiproxy, so `npm test` on a fresh machine
 * first makes them available (found, cached, or built from their Go modules at the pinned versions).
 */
export default async function setup(): Promise<void> {
  const tools = await ensureTools({ onProgress: (line) => process.stderr.write(`[thap tools] ${line}\n`) });
  process.env.THAP_K6_PATH ??= tools.k6.path;
  process.env.THAP_TOXIPROXY_PATH ??= tools.toxiproxy.path;
}
