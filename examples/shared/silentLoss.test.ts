import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMocks, type RunningMocks } from '../../mocks/index.ts';
import { call } from '../../test/support/mocks/httpClient.ts';
import { startJournalClient } from '../journal/client.ts';
import { startNaiveClient } from '../naive/client.ts';
import { startResilientClient } from '../resilient/client.ts';
import type { ClientConfig } from './config.ts';
import type { RunningServer } from './jsonServer.ts';
import { opdJourney } from './testing/journeys.ts';

/**
 * outages.md O4 against the real mocks: e-Hospital's writes answer 503 one time in five and, of those it
 * answers, store nothing one time in four. The clients that read their writes back while NIC's writes are in
 * trouble must end with every write of every journey stored once; the naive client shows the fault bites.
 */
const journeys = 8;
const writeSteps = ['register', 'fee', 'labOrder', 'barcode', 'collectSample'];

let mocks: RunningMocks;
let stateDir: string;
beforeEach(async () => {
  mocks = await startMocks({ services: ['ehospital'], seed: 404 });
  stateDir = await mkdtemp(path.join(os.tmpdir(), 'thap-silent-loss-'));
  const setFault = async (body: unknown) => expect((await call({ base: mocks.urls.ehospital, path: '/__admin/faults', body })).status).toBe(201);
  await setFault({ kind: 'status', target: { method: 'POST' }, rate: 0.2, settings: { status: 503 } });
  await setFault({ kind: 'not-stored', target: { method: 'POST' }, rate: 0.25 });
});
afterEach(async () => {
  await mocks?.close();
  await rm(stateDir, { recursive: true, force: true });
});

/** Stored ledger lines per correlation id of a write step. */
async function storedPerWrite(): Promise<Map<string, number>> {
  const ledger = (await call({ base: mocks.urls.ehospital, path: '/__admin/ledger?format=json' })).body as Array<{ clientRef: string | null; storedAt: number | null }>;
  const stored = new Map<string, number>();
  for (const line of ledger) {
    if (line.clientRef !== null && line.storedAt !== null) stored.set(line.clientRef, (stored.get(line.clientRef) ?? 0) + 1);
  }
  return stored;
}

const expectedWrites = Array.from({ length: journeys }, (_, i) => writeSteps.map((step) => `pt-${String(i + 1).padStart(6, '0')}.${step}`)).flat();

async function runJourneys(client: RunningServer): Promise<void> {
  for (let n = 1; n <= journeys; n += 1) await opdJourney({ url: client.url, n });
}

/** Polls until every journey write is stored, or `ms` pass; returns the writes still missing and those stored twice. */
async function settle(ms: number): Promise<{ missing: string[]; twice: string[] }> {
  const deadline = Date.now() + ms;
  for (;;) {
    const stored = await storedPerWrite();
    const missing = expectedWrites.filter((id) => !stored.has(id));
    if (missing.length === 0 || Date.now() > deadline) return { missing, twice: expectedWrites.filter((id) => (stored.get(id) ?? 0) > 1) };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const config = (): ClientConfig => ({ port: 0, nic: { ehospital: mocks.urls.ehospital }, timeScale: 60 });

describe('a write path that answers 200 for writes it never stores (outages.md O4)', () => {
  it.each([
    ['resilient', () => startResilientClient({ config: config(), outboxFile: path.join(stateDir, 'outbox.ndjson'), log: () => {}, logEvent: () => {} })],
    ['journal', () => startJournalClient({ config: config(), journalFile: path.join(stateDir, 'journal.ndjson'), log: () => {}, logEvent: () => {} })],
  ] as const)('%s reads its writes back and sends again what NIC did not store: every write stored once', async (_name, start) => {
    const client: RunningServer & { stop?: () => Promise<void> } = await start();
    try {
      await runJourneys(client);
      expect(await settle(20_000)).toEqual({ missing: [], twice: [] });
    } finally {
      await (client.stop ?? client.close)();
    }
  });

  it('the naive client, which trusts every 200, loses writes under the same faults', async () => {
    const client = await startNaiveClient({ config: config(), log: () => {} });
    try {
      await runJourneys(client);
      expect((await settle(0)).missing.length).toBeGreaterThan(0);
    } finally {
      await client.close();
    }
  });
});
