import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { outboxStatusSchema, type OutboxStatus } from '../contract/index.ts';

export interface DrainResult {
  /** Whether the client exposes its outbox (`GET /thap/outbox`, docs/client-contract.md). */
  outbox: boolean;
  waitedMs: number;
  pendingAtEnd: number;
}

/**
 * After the load ends, a client with an outbox still has accepted work to submit. Waits until its outbox
 * says nothing is pending, or the drain deadline (`until`, wall epoch ms: the plan's `drain`) passes, and
 * never longer: integrity counts what is not at NIC by the deadline as undelivered, so waiting on would only
 * make repeats differ. Keeps the last snapshot as `client-outbox.json` (a claim for the report, never trusted
 * for the score). A client without an outbox is not waited for. An interrupt (`signal`) ends the wait.
 */
export async function drainClient({ url, until, runDir, log, region, signal }: { url: string; until: number; runDir: string; log: (line: string) => void; region?: string; signal?: AbortSignal }): Promise<DrainResult> {
  const started = Date.now();
  let last: OutboxStatus | undefined;
  for (;;) {
    last = await readOutbox(url);
    if (!last) return { outbox: false, waitedMs: Date.now() - started, pendingAtEnd: 0 };
    const left = until - Date.now();
    if (last.counts.pending === 0 || left <= 0 || signal?.aborted) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(250, left)));
  }
  await writeFile(join(runDir, `client-outbox${region === undefined ? '' : `-${region}`}.json`), `${JSON.stringify(last, null, 2)}\n`);
  const waitedMs = Date.now() - started;
  log(`drain${region === undefined ? '' : ` ${region}`}: ${last.counts.pending === 0 ? 'outbox empty' : `${last.counts.pending} still pending at the drain deadline`} after ${(waitedMs / 1_000).toFixed(1)} s`);
  return { outbox: true, waitedMs, pendingAtEnd: last.counts.pending };
}

async function readOutbox(url: string): Promise<OutboxStatus | undefined> {
  try {
    const response = await fetch(`${url}/thap/outbox`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) return undefined;
    const parsed = outboxStatusSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Drains every client instance at once (one per region of client.regions, each to its own
 * `client-outbox-<region>.json`): the run waits for the slowest, and what is still pending adds up.
 */
export async function drainClients({ clients, until, runDir, log, signal }: { clients: Array<{ url: string; region?: string }>; until: number; runDir: string; log: (line: string) => void; signal?: AbortSignal }): Promise<DrainResult> {
  const results = await Promise.all(clients.map(({ url, region }) => drainClient({ url, until, runDir, log, signal, ...(region === undefined ? {} : { region }) })));
  return {
    outbox: results.some((result) => result.outbox),
    waitedMs: Math.max(0, ...results.map((result) => result.waitedMs)),
    pendingAtEnd: results.reduce((total, result) => total + result.pendingAtEnd, 0),
  };
}
